package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A unit's totals year by year; a year without reports has zero totals.")
public record Trend(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int from,
        @Schema(required = true) int to,
        @Schema(description = "One entry per year from 'from' to 'to'", required = true) List<YearTotals> years,
        @Schema(required = true) AsOf asOf) {
}
