package io.gongkai.aggregation.service;

import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.contracts.form.CellValues;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one batch of accepted versions makes to the totals, summed per affected unit and year, so that
 * each affected total is read and written once per batch however many versions touch it. A version changes
 * only its own unit's lineage (the unit and everything above it). Pure: no database, no framework.
 */
public final class RollupBatch {

    private final Map<UnitYear, Totals> deltas = new LinkedHashMap<>();

    /**
     * Adds one accepted version.
     *
     * @param lineage          the unit's code, then the codes above it up to the nation
     * @param year             the report year
     * @param cells            the cells of the new version
     * @param replaced         the cells of the version it replaces, or null for a first report
     * @param expectedToReport whether the unit counts in expected/received (townships and departments)
     * @param onTime           the timeliness of a first report; ignored for a correction
     */
    public void add(List<String> lineage, int year, CellValues cells, CellValues replaced, boolean expectedToReport,
            boolean onTime) {
        boolean first = replaced == null;
        int received = first && expectedToReport ? 1 : 0;
        Totals delta = new Totals(first ? cells : cells.minus(replaced), first ? 1 : 0, received,
                received == 1 && onTime ? 1 : 0, received == 1 && !onTime ? 1 : 0);
        for (String code : lineage) {
            deltas.merge(new UnitYear(code, year), delta, Totals::plus);
        }
    }

    /** The change to each affected total. */
    public Map<UnitYear, Totals> deltas() {
        return Collections.unmodifiableMap(deltas);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
