package io.gongkai.aggregation.service;

import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;

/**
 * What a unit's subtree adds up to for a year in one form: the summed cells, how many reports were summed
 * (governments' own reports included) and how many of the expected units (townships, departments) reported in this
 * form, on time or late.
 */
public record Totals(CellValues cells, int reports, int received, int onTime, int late) {

    public static Totals zero(FormDefinition form) {
        return new Totals(CellValues.zero(form), 0, 0, 0, 0);
    }

    public Totals plus(Totals delta) {
        return new Totals(cells.plus(delta.cells), reports + delta.reports, received + delta.received,
                onTime + delta.onTime, late + delta.late);
    }

    public Totals minus(Totals delta) {
        return new Totals(cells.minus(delta.cells), reports - delta.reports, received - delta.received,
                onTime - delta.onTime, late - delta.late);
    }
}
