package io.gongkai.intake.imports;

import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
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
 * A report as a unit publishes it: the figures it prints (in their form), the unit's name and year for the title,
 * the ways this publication departs from the official form, the cells it leaves blank (by key, with what stands in
 * the cell instead: nothing or a slash), and how it prints signs and the unit of an amount the form leaves to it.
 */
record PrintedReport(String unitName, int year, CellValues values, Set<Variant> variants, Map<String, String> blanks,
        Figures figures) {

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
        BROKEN_TOTAL,
        /**
         * Some zeros left blank, and the 总计 column of table 三's result rows left blank, as some 2019 reports do.
         * Only in layouts that keep cells apart: run together, a blank cell leaves no trace to read.
         */
        BLANK_ZEROS_AND_TOTALS
    }

    /** Where a report gives the unit of an amount the form prints without one (2019's 采购总金额). */
    enum UnitPlace {
        CELL, COLUMN_HEADING, ROW_LABEL, NOWHERE
    }

    /**
     * How figures are printed beyond their digits.
     *
     * @param plusSign     a rise printed with its sign (+1036)
     * @param unicodeMinus a fall printed with the minus sign U+2212 (−8) rather than a hyphen (-8)
     * @param amountUnit   the unit of an amount the form prints without one
     * @param unitPlace    where the report says that unit
     */
    record Figures(boolean plusSign, boolean unicodeMinus, AmountUnit amountUnit, UnitPlace unitPlace) {

        static final Figures PLAIN = new Figures(false, false, AmountUnit.WAN_YUAN, UnitPlace.COLUMN_HEADING);

        static Figures random(Random random) {
            return new Figures(random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean() ? AmountUnit.YUAN : AmountUnit.WAN_YUAN,
                    UnitPlace.values()[random.nextInt(UnitPlace.values().length)]);
        }
    }

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
        return new PrintedReport(unitName, year, values, Set.of(), Map.of(), Figures.PLAIN);
    }

    /**
     * A random valid report in a form, each variant in about one report in four; a broken total, in one in eight,
     * and blanks in 2019's way only when the layout keeps cells apart. A form with signed cells or amounts whose
     * unit the report gives has them printed in one of the ways reports print them.
     */
    static PrintedReport random(FormDefinition form, Random random, int year, boolean cellsApart) {
        CellValues values = ValidReports.random(form, random, SCALES[random.nextInt(SCALES.length)]);
        Set<Variant> variants = EnumSet.noneOf(Variant.class);
        for (Variant variant : Variant.values()) {
            if (!printable(variant, form)) {
                continue;
            }
            boolean rare = variant == Variant.BROKEN_TOTAL || variant == Variant.BLANK_ZEROS_AND_TOTALS;
            boolean drawn = random.nextInt(rare ? 8 : 4) == 0;
            if (drawn && (!rare || cellsApart)) {
                variants.add(variant);
            }
        }
        Figures figures = form.cells().stream().anyMatch(c -> c.unitInReport() || c.type() == CellType.SIGNED_COUNT)
                ? Figures.random(random) : Figures.PLAIN;
        Map<String, String> blanks = new LinkedHashMap<>();
        if (variants.contains(Variant.SLASHES_FOR_ZEROS)) {
            form.cells().stream().filter(cell -> !cell.table().equals("二") && values.get(cell).signum() == 0)
                    .filter(cell -> random.nextInt(6) == 0).forEach(cell -> blanks.put(cell.key(), "/"));
        }
        if (variants.contains(Variant.BLANK_ZEROS_AND_TOTALS)) {
            form.cells().stream().filter(cell -> values.get(cell).signum() == 0 && random.nextInt(4) == 0)
                    .forEach(cell -> blanks.put(cell.key(), ""));
            form.cells().stream().filter(cell -> cell.key().startsWith("applications.results.")
                    && cell.key().endsWith(".total") && !cell.key().startsWith("applications.results.total."))
                    .forEach(cell -> blanks.put(cell.key(), ""));
        }
        if (variants.contains(Variant.BLANK_REVIEW)) {
            form.cells().stream().filter(cell -> cell.key().startsWith("reviewLitigation.review."))
                    .forEach(cell -> blanks.put(cell.key(), ""));
        }
        if (variants.contains(Variant.BROKEN_TOTAL)) {
            List<Cell> totals = form.cells().stream()
                    .filter(cell -> cell.key().endsWith(".total") && !blanks.containsKey(cell.key())).toList();
            Cell broken = totals.get(random.nextInt(totals.size()));
            CellValues.Builder printed = values.toBuilder();
            printed.set(broken, values.get(broken).add(BigDecimal.valueOf(1 + random.nextInt(3))));
            return new PrintedReport(NAMES.get(random.nextInt(NAMES.size())), year, printed.build(), variants, blanks, figures);
        }
        return new PrintedReport(NAMES.get(random.nextInt(NAMES.size())), year, values, variants, blanks, figures);
    }

    /** Whether a form has what a variant changes: prose restating 现行有效 documents needs the 2021 table 二. */
    private static boolean printable(Variant variant, FormDefinition form) {
        return switch (variant) {
            case DOCUMENT_COUNTS_IN_PROSE -> form.cell("activeDisclosure.normativeDocuments.inForce").isPresent();
            case BLANK_ZEROS_AND_TOTALS -> form.cells().stream().anyMatch(Cell::unitInReport);
            default -> true;
        };
    }

    FormDefinition form() {
        return values.form();
    }

    boolean has(Variant variant) {
        return variants.contains(variant);
    }

    /**
     * The figure the report prints in a cell, null where it leaves the cell blank: an amount whose unit the report
     * gives, in that unit.
     */
    BigDecimal printed(Cell cell) {
        if (isBlank(cell)) {
            return null;
        }
        BigDecimal value = values.get(cell);
        return cell.unitInReport() ? inPrintedUnit(value) : value;
    }

    /** The unit the report gives an amount whose unit the form leaves to it; null where it gives none. */
    AmountUnit unit(Cell cell) {
        return cell.unitInReport() && figures.unitPlace() != UnitPlace.NOWHERE ? figures.amountUnit() : null;
    }

    /** An amount the report prints in the unit it chose, from the 万元 it is held in. */
    private BigDecimal inPrintedUnit(BigDecimal wanYuan) {
        BigDecimal printed = wanYuan.divide(figures.amountUnit().toWanYuan(BigDecimal.ONE));
        return printed.signum() == 0 ? BigDecimal.ZERO : printed.stripTrailingZeros();
    }

    boolean isBlank(Cell cell) {
        return blanks.containsKey(cell.key());
    }

    /**
     * What stands in a cell: its figure (with its sign, or its unit when the report says it there), or nothing or a
     * slash where the report leaves it blank.
     */
    String text(Cell cell) {
        if (isBlank(cell)) {
            return blanks.get(cell.key());
        }
        BigDecimal value = printed(cell);
        String figure = PrintedDocument.figure(value.abs());
        if (cell.type() == CellType.SIGNED_COUNT && value.signum() != 0) {
            String sign = value.signum() < 0 ? (figures.unicodeMinus() ? "\u2212" : "-") : figures.plusSign() ? "+" : "";
            return sign + figure;
        }
        return cell.unitInReport() && figures.unitPlace() == UnitPlace.CELL ? figure + figures.amountUnit().label() : figure;
    }

    /** A label with the unit of the amount in it, when the report says it at that place. */
    String withUnit(String label, UnitPlace place) {
        return figures.unitPlace() == place ? label + "（" + figures.amountUnit().label() + "）" : label;
    }

    /** The title line, as the report prints it. */
    String title() {
        return unitName + year + "年政府信息公开工作年度报告";
    }

    BigDecimal get(String key) {
        return values.get(key);
    }
}
