package io.gongkai.contracts.form;

/**
 * One data cell of the national form.
 *
 * @param index       position in the form definition, stable within a form version
 * @param key         stable dotted key, also the cell's path in the submission JSON
 * @param table       the form's table (二, 三 or 四)
 * @param caption     the block heading above the row, if any (e.g. 第二十条第（一）项)
 * @param rowLabel    the official row label
 * @param columnLabel the official column label
 * @param unit        件 or 万元
 * @param type        count or amount
 */
public record Cell(int index, String key, String table, String caption, String rowLabel, String columnLabel,
        String unit, CellType type) {

    /** JSON pointer (RFC 6901) of this cell in a submission. */
    public String pointer() {
        return "/" + key.replace('.', '/');
    }

    /** The official label as printed on the form, e.g. "第二十条第（一）项｜规章｜本年制发件数（件）". */
    public String label() {
        String head = caption.isEmpty() ? "" : caption + "｜";
        return "表" + table + "｜" + head + rowLabel + "｜" + columnLabel + "（" + unit + "）";
    }
}
