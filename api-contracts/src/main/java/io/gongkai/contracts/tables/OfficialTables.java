package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.FormDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of a form as the form prints them (表二, 表三, 表四), laid out from its definition: the cells' tables,
 * captions and row and column labels, plus the few facts of {@code forms/<version>/layout.tsv}. Nothing here names a
 * cell, so a new form needs new data files, not code. Layouts are made once per form.
 */
public final class OfficialTables {

    private static final Map<FormDefinition, List<OfficialTable>> LAID_OUT = new ConcurrentHashMap<>();

    private OfficialTables() {
    }

    /** The form's tables, in the order of its cells. */
    public static List<OfficialTable> of(FormDefinition form) {
        return LAID_OUT.computeIfAbsent(form, OfficialTables::layOut);
    }

    private static List<OfficialTable> layOut(FormDefinition form) {
        Map<String, LayoutFacts> facts = LayoutFacts.read("/forms/" + form.version() + "/layout.tsv");
        Map<String, List<Cell>> byTable = new LinkedHashMap<>();
        form.cells().forEach(cell -> byTable.computeIfAbsent(cell.table(), t -> new ArrayList<>()).add(cell));
        return byTable.entrySet().stream().map(table -> TableGrid.layOut(table.getKey(), title(form, table.getValue()),
                table.getValue(), facts.getOrDefault(table.getKey(), LayoutFacts.NONE))).toList();
    }

    /** A table's title is the heading of the form's section its cells are in (二、主动公开政府信息情况). */
    private static String title(FormDefinition form, List<Cell> cells) {
        String key = cells.get(0).key();
        return form.group(key.substring(0, key.indexOf('.'))).description();
    }

    /**
     * A figure as the tables print it: exact, in plain digits, without trailing zeros (5949.088667, never 5.949E+3 or
     * a rounded double); null for a cell the report does not give.
     */
    public static String figure(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** A figure as its cell prints it: a change in a count (本年增/减) with its sign, +12 or -8, any other as above. */
    public static String figure(Cell cell, BigDecimal value) {
        String figure = figure(value);
        return cell.type() == CellType.SIGNED_COUNT && value != null && value.signum() > 0 ? "+" + figure : figure;
    }
}
