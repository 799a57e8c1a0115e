package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.UnitKind;

import java.time.Instant;

/**
 * A township or department and its current report of a year, read together in one query. The report's fields are
 * null when the unit has not reported.
 *
 * @param ancestry    the unit's chain of codes from the nation down ({@code CN/64/6404/640402/640402100/})
 * @param formVersion the form the report follows
 * @param cells       the report's cells as stored ({@code CellsCodec}), in that form
 */
public record ReportingUnitLine(String code, String name, UnitKind kind, String ancestry, Integer version,
        String formVersion, Instant firstReceivedAt, Instant receivedAt, Boolean onTime, String cells) {

    public boolean reported() {
        return version != null;
    }
}
