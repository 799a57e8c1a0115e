package io.gongkai.aggregation.api;

import java.util.List;
import java.util.Map;

/**
 * How the dashboard reads a form's totals: its headline figures, the rows of application results, and every cell's
 * official label (for findings that point at cells).
 *
 * @param version     the form version
 * @param title       the form's official title
 * @param figures     the headline figures, in the order shown
 * @param resultRows  how applications were handled: one row per result of table 三, the total column
 * @param cellLabels  the official label of each cell, by JSON pointer
 */
public record FormFigures(String version, String title, List<Figure> figures, List<ResultRow> resultRows,
        Map<String, String> cellLabels) {

    /**
     * One headline figure: the sum of some cells, or, when {@code of} is not empty, that sum as a share of the sum of
     * the cells in {@code of}.
     *
     * @param id     stable name, used by the page and its tests
     * @param label  short Chinese name
     * @param hint   what it is made of, in the form's words
     * @param unit   件, 万元 or % (a share)
     * @param amount true when the figure is an amount of money: exact decimals, never rounded
     * @param cells  the cells summed, by dotted key; empty when the form has no such figure
     * @param of     the cells of the whole a share is taken of; empty for a plain sum
     * @param absent true when the form has no such figure (the 2019 form has no fee amount): shown as "—", never 0
     */
    public record Figure(String id, String label, String hint, String unit, boolean amount, List<String> cells,
            List<String> of, boolean absent) {
    }

    /**
     * @param cell     the row's total cell
     * @param label    a short label for charts
     * @param official the row as the form prints it
     */
    public record ResultRow(String cell, String label, String official) {
    }
}
