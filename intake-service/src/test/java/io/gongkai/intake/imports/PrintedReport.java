package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.testing.ValidReports;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A report as a unit publishes it: the figures it prints, the unit's name and year for the title, the ways this
 * publication departs from the official form, and the cells it leaves blank (by key, with what stands in the cell
 * instead: nothing or a slash).
 */
record PrintedReport(String unitName, int year, CellValues values, Set<Variant> variants, Map<String, String> blanks) {

    /** How a publication departs from the official form, as real ones do. */
    enum Variant {
        /** Table 四's 行政复议 cells left blank, as in the 三营镇 sample. */
        BLANK_REVIEW,
        /** A local 信息处理费 table printed after table 二. */
        LOCAL_FEE_TABLE,
        /** Labels with small variants (其他法律和行政法规禁止公开, 不再受理, …) and the 先行有效件数 misprint. */
        LABEL_VARIANTS,
        /** Part 一 states the documents in force and issued this year (现行有效行政规范性文件N件). */
        DOCUMENT_COUNTS_IN_PROSE,
        /** Some zeros of tables 三 and 四 printed as "/", which says nothing: such a cell is blank, not 0. */
        SLASHES_FOR_ZEROS,
        /**
         * One total of table 三 or 四 printed off by a little: the report breaks a rule as published. Only in layouts
         * that keep cells apart: run together, such a row can print the very digits of a valid one.
         */
        BROKEN_TOTAL
    }

    private static final FormDefinition FORM = Forms.require("2021");
    private static final List<String> NAMES = List.of("原州区三营镇", "原州区三营镇", "原州区开城镇", "原州区人民政府");
    private static final int[] SCALES = {1, 1, 3, 10, 40, 300, 4000};

    PrintedReport {
        EnumSet<Variant> copy = EnumSet.noneOf(Variant.class);
        copy.addAll(variants);
        variants = Collections.unmodifiableSet(copy);
        blanks = Collections.unmodifiableMap(new LinkedHashMap<>(blanks));
    }

    /** A report printing valid figures, with no variant. */
    static PrintedReport of(String unitName, int year, CellValues values) {
        return new PrintedReport(unitName, year, values, Set.of(), Map.of());
    }

    /**
     * A random valid report, each variant in about one report in four; a broken total, in one in eight, only when
     * the layout keeps cells apart.
     */
    static PrintedReport random(Random random, int year, boolean cellsApart) {
        CellValues values = ValidReports.random(random, SCALES[random.nextInt(SCALES.length)]);
        Set<Variant> variants = EnumSet.noneOf(Variant.class);
        for (Variant variant : Variant.values()) {
            boolean drawn = random.nextInt(variant == Variant.BROKEN_TOTAL ? 8 : 4) == 0;
            if (drawn && (variant != Variant.BROKEN_TOTAL || cellsApart)) {
                variants.add(variant);
            }
        }
        Map<String, String> blanks = new LinkedHashMap<>();
        if (variants.contains(Variant.SLASHES_FOR_ZEROS)) {
            FORM.cells().stream().filter(cell -> !cell.table().equals("二") && values.get(cell).signum() == 0)
                    .filter(cell -> random.nextInt(6) == 0).forEach(cell -> blanks.put(cell.key(), "/"));
        }
        if (variants.contains(Variant.BLANK_REVIEW)) {
            FORM.cells().stream().filter(cell -> cell.key().startsWith("reviewLitigation.review."))
                    .forEach(cell -> blanks.put(cell.key(), ""));
        }
        if (variants.contains(Variant.BROKEN_TOTAL)) {
            List<Cell> totals = FORM.cells().stream()
                    .filter(cell -> cell.key().endsWith(".total") && !blanks.containsKey(cell.key())).toList();
            Cell broken = totals.get(random.nextInt(totals.size()));
            CellValues.Builder printed = CellValues.builder(FORM);
            FORM.cells().forEach(cell -> printed.set(cell, values.get(cell)));
            printed.set(broken, values.get(broken).add(BigDecimal.valueOf(1 + random.nextInt(3))));
            return new PrintedReport(NAMES.get(random.nextInt(NAMES.size())), year, printed.build(), variants, blanks);
        }
        return new PrintedReport(NAMES.get(random.nextInt(NAMES.size())), year, values, variants, blanks);
    }

    boolean has(Variant variant) {
        return variants.contains(variant);
    }

    /** The figure the report prints in a cell, null where it leaves the cell blank. */
    BigDecimal printed(Cell cell) {
        return isBlank(cell) ? null : values.get(cell);
    }

    boolean isBlank(Cell cell) {
        return blanks.containsKey(cell.key());
    }

    /** What stands in a cell: its figure, or nothing or a slash where the report leaves it blank. */
    String text(Cell cell) {
        return isBlank(cell) ? blanks.get(cell.key()) : PrintedDocument.figure(values.get(cell));
    }

    /** The title line, as the report prints it. */
    String title() {
        return unitName + year + "年政府信息公开工作年度报告";
    }

    BigDecimal get(String key) {
        return values.get(key);
    }
}
