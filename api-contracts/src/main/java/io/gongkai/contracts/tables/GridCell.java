package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;

/**
 * One cell of an official table as printed: a heading or a figure, the grid position of its top-left corner and how
 * many rows and columns it spans. HTML prints it as a {@code th} or {@code td} with rowspan/colspan, a workbook as a
 * merged region, so both show the same merges.
 *
 * @param kind       what the cell holds
 * @param row        grid row of its top-left corner, from 0
 * @param column     grid column of its top-left corner, from 0
 * @param rowSpan    rows it covers, at least 1
 * @param columnSpan columns it covers, at least 1
 * @param text       the official words of a heading; null for a figure
 * @param cell       the form's cell whose figure stands here; null for a heading
 */
public record GridCell(Kind kind, int row, int column, int rowSpan, int columnSpan, String text, Cell cell) {

    public enum Kind {
        /** A block's caption across the whole table, e.g. 第二十条第（一）项. */
        CAPTION,
        /** The top-left corner above the row headings, e.g. 信息内容. */
        CORNER,
        /** A heading over one or more columns of figures. */
        COLUMN_HEADING,
        /** A heading beside one or more rows of figures. */
        ROW_HEADING,
        /** A figure of the form. */
        VALUE
    }

    static GridCell heading(Kind kind, int row, int column, int rowSpan, int columnSpan, String text) {
        return new GridCell(kind, row, column, rowSpan, columnSpan, text, null);
    }

    static GridCell value(int row, int column, int columnSpan, Cell cell) {
        return new GridCell(Kind.VALUE, row, column, 1, columnSpan, null, cell);
    }

    public boolean isValue() {
        return kind == Kind.VALUE;
    }

    /** The last grid row it covers. */
    public int lastRow() {
        return row + rowSpan - 1;
    }

    /** The last grid column it covers. */
    public int lastColumn() {
        return column + columnSpan - 1;
    }
}
