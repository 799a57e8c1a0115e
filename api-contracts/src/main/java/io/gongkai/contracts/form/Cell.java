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
 * @param unit        件, 项 or 万元 as the form prints it; {@link #UNSTATED} when the form prints none and the report
 *                    says which ({@link AmountUnit})
 * @param type        count, signed count or amount
 */
public record Cell(int index, String key, String table, String caption, String rowLabel, String columnLabel,
        String unit, CellType type) {

    /** The unit of an amount the form leaves to the report (2019's 采购总金额). */
    public static final String UNSTATED = "unstated";

    /** JSON pointer (RFC 6901) of this cell in a submission. */
    public String pointer() {
        return "/" + key.replace('.', '/');
    }

    /** Whether a submission gives the unit with the value: {"amount": 251000, "unit": "元"}. */
    public boolean unitInReport() {
        return unit.equals(UNSTATED);
    }

    /** The unit of the value held for this cell: an amount whose unit the report gives is held in 万元. */
    public String valueUnit() {
        return unitInReport() ? AmountUnit.WAN_YUAN.label() : unit;
    }

    /** The official label as printed on the form, e.g. "第二十条第（一）项｜规章｜本年制发件数（件）". */
    public String label() {
        return label(columnLabel);
    }

    /**
     * The column label over the value held: the form's own, and for an amount whose unit the report gives, the unit
     * it is held in, as 2021's fee column names its unit: 采购总金额（单位：万元）.
     */
    public String heldColumnLabel() {
        return unitInReport() ? columnLabel + "（单位：" + valueUnit() + "）" : columnLabel;
    }

    /** The official label of the value held, heading an exported column: {@link #label()} with the held unit. */
    public String heldLabel() {
        return label(heldColumnLabel());
    }

    private String label(String column) {
        String head = caption.isEmpty() ? "" : caption + "｜";
        String printedUnit = unitInReport() ? "" : "（" + unit + "）";
        return "表" + table + "｜" + head + rowLabel + "｜" + column + printedUnit;
    }
}
