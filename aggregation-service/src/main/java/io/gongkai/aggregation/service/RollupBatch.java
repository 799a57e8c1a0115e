package io.gongkai.aggregation.service;

import io.gongkai.aggregation.model.UnitYearForm;
import io.gongkai.contracts.form.CellValues;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one batch of accepted versions makes to the totals, summed per affected unit, year and form, so that
 * each affected total is read and written once per batch however many versions touch it. A version changes only
 * its own unit's lineage (the unit and everything above it), in the form it was made in; a correction made in
 * another form than the version it replaces moves the report, and its place in the reporting counts, from the old
 * form's totals to the new one's. Pure: no database, no framework.
 */
public final class RollupBatch {

    private final Map<UnitYearForm, Totals> deltas = new LinkedHashMap<>();

    /**
     * Adds one accepted version.
     *
     * @param lineage          the unit's code, then the codes above it up to the nation
     * @param year             the report year
     * @param cells            the cells of the new version
     * @param replaced         the cells of the version it replaces, or null for a first report
     * @param expectedToReport whether the unit counts in expected/received (townships and departments)
     * @param onTime           the timeliness of the report, judged by its first version
     */
    public void add(List<String> lineage, int year, CellValues cells, CellValues replaced, boolean expectedToReport,
            boolean onTime) {
        if (replaced != null && replaced.form() == cells.form()) {
            merge(lineage, year, new Totals(cells.minus(replaced), 0, 0, 0, 0));
            return;
        }
        int received = expectedToReport ? 1 : 0;
        Totals report = new Totals(cells, 1, received, onTime ? received : 0, onTime ? 0 : received);
        merge(lineage, year, report);
        if (replaced != null) {
            Totals zero = Totals.zero(replaced.form());
            merge(lineage, year, zero.minus(new Totals(replaced, 1, received, report.onTime(), report.late())));
        }
    }

    private void merge(List<String> lineage, int year, Totals delta) {
        String form = delta.cells().form().version();
        for (String code : lineage) {
            deltas.merge(new UnitYearForm(code, year, form), delta, Totals::plus);
        }
    }

    /** The change to each affected total. */
    public Map<UnitYearForm, Totals> deltas() {
        return Collections.unmodifiableMap(deltas);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
