package io.gongkai.contracts.tables;

import java.util.List;

/**
 * One table of the form as it is printed: its number (二, 三, 四), its title, and its grid row by row. Every grid
 * position is covered by exactly one cell; each row lists the cells whose top-left corner is in it, left to right.
 *
 * @param number      the form's table, as cells.tsv names it
 * @param title       the part heading printed above it, e.g. 二、主动公开政府信息情况
 * @param columns     the grid's width
 * @param stubColumns the columns on the left that hold row headings (0 when the table has none)
 * @param headerRows  the rows at the top that head every column, to repeat on each printed page (0 when the table is
 *                    printed in blocks, each with its own headings)
 * @param rows        the grid's rows
 */
public record OfficialTable(String number, String title, int columns, int stubColumns, int headerRows,
        List<List<GridCell>> rows) {

    public OfficialTable {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Every cell, row by row. */
    public List<GridCell> cells() {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** The cells that hold the form's figures, row by row. */
    public List<GridCell> values() {
        return rows.stream().flatMap(List::stream).filter(GridCell::isValue).toList();
    }
}
