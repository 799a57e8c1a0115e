package io.gongkai.intake.imports;

import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.imports.PrintedRows.PrintedRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the printed figures of one row can be read as: one reading when they were printed apart, every split that
 * keeps the row's own rule when they ran together. A cell printed blank is null in every reading.
 *
 * @param row      the form's row
 * @param run      its figures in the document, or null when the row is not in the document
 * @param readings the possible readings, each one value (or null) per cell; empty when none could be made
 * @param complete false when there were too many readings to list: none of them may be taken
 * @param split    whether the readings are splits of figures that ran together, made by the form's rules (so wrong
 *                 if the publisher's figures broke those rules)
 * @param findings what was noticed while reading (blank cells, repaired spacing, unreadable text)
 * @param units    the unit printed inside a cell whose unit the form leaves to the report ("251000元"), by key
 */
record RowReading(PrintedRow row, PrintedRun run, List<BigDecimal[]> readings, boolean complete, boolean split,
        List<Finding> findings, Map<String, AmountUnit> units) {

    static final String UNREADABLE = "IMPORT.UNREADABLE";
    static final String REPAIRED = "IMPORT.REPAIRED";

    private static final Pattern NUMBER = PrintedFigure.NUMBER;
    private static final Pattern GROUPED = PrintedFigure.GROUPED;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,60}");
    private static final Pattern WITH_UNIT = Pattern.compile("(0|[1-9]\\d{0,17}|[1-9]\\d{0,2}(?:,\\d{3})+)(\\.\\d{1,12})?(万元|元|件|条|个|次)");
    private static final List<String> BLANK_MARKS = List.of("/", "-", "—", "－", "无", "空");

    static RowReading absent(PrintedRow row) {
        return new RowReading(row, null, List.of(), true, false, List.of(), Map.of());
    }

    /**
     * Reads the figures of a row found in the document.
     *
     * @param trustSpaces whether spaces (not tabs) between figures may be taken for the ends of cells; a document
     *                    whose spacing is shown wrong somewhere has every spaced row read from its digits instead
     */
    static RowReading of(PrintedRow row, PrintedRun run, int year, boolean trustSpaces) {
        List<Finding> findings = new ArrayList<>();
        int n = row.cells().size();
        List<String> fields = run.fields();
        if (run.positional() && fields.size() >= n) {
            List<String> cells = fields.subList(fields.size() - n, fields.size());
            BigDecimal[] values = new BigDecimal[n];
            Map<String, AmountUnit> units = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                values[i] = field(row.cells().get(i), cells.get(i), findings, units);
            }
            return new RowReading(row, run, List.<BigDecimal[]>of(values), true, false, findings, Map.copyOf(units));
        }
        List<String> tokens = run.positional() ? fields.stream().filter(f -> !f.isEmpty())
                .flatMap(f -> Arrays.stream(f.split("\\s+"))).toList() : fields;
        Predicate<String> joinable = hasRule(row) ? t -> DIGITS.matcher(t).matches() : PrintedFigure::isRun;
        if (!trustSpaces && !run.positional() && n > 1 && tokens.size() > 1 && tokens.stream().allMatch(joinable)) {
            return split(row, run, String.join("", tokens), findings);
        }
        BigDecimal[] printed = printedApart(row, tokens);
        if (printed != null) {
            return keepsOwnRule(row, printed)
                    ? new RowReading(row, run, List.<BigDecimal[]>of(printed), true, false, findings, Map.of())
                    : spacedAgainstItsRule(row, run, printed, String.join("", tokens), findings);
        }
        String digits = String.join("", tokens);
        if (!tokens.isEmpty() && tokens.stream().allMatch(joinable)) {
            return n == 1 ? single(row, run, tokens, digits, year, findings) : split(row, run, digits, findings);
        }
        findings.add(Finding.error(UNREADABLE, rowPointer(row), n + " figure(s)", abbreviate(String.join(" ", tokens)),
                "the figures printed for " + row.cells().get(0).rowLabel() + " could not be read"));
        return new RowReading(row, run, List.of(), true, false, findings, Map.of());
    }

    /** One figure per cell, each printed apart as its cell's type prints it; null when the tokens are not that. */
    private static BigDecimal[] printedApart(PrintedRow row, List<String> tokens) {
        if (tokens.size() != row.cells().size()) {
            return null;
        }
        BigDecimal[] values = new BigDecimal[tokens.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = PrintedFigure.value(row.cells().get(i), tokens.get(i));
            if (values[i] == null) {
                return null;
            }
        }
        return values;
    }

    /** Whether the row's cells keep a rule among themselves (a total): the rows of tables 三 and 四. */
    private static boolean hasRule(PrintedRow row) {
        return row.isApplications() || row.isReviewLitigation();
    }

    /**
     * A row of table 二 or 三 on a tab-separated line, whose blank cells may stand first or last (a blank 总计)
     * beside the empty fields a label's or a cell's span leaves, an extra tab, or a line that dropped the empty fields
     * it ended in. Every way of placing the row's cells on the line's fields that leaves only empty fields outside them
     * is a reading; a line narrower than its table may have lost as many blank cells at its end. Readings that break
     * the row's own rule go when another keeps it; the form's rules may settle the rest, or the cells they disagree
     * on are named.
     *
     * @param tableWidth    how many fields the widest row line of the row's table has
     * @param rowsComplete  whether every row line holds all its cells (an HTML page), so that none lost blank ones
     */
    static RowReading aligned(PrintedRow row, PrintedRun run, int year, boolean trustSpaces, int tableWidth,
            boolean rowsComplete) {
        List<String> fields = run.allFields();
        int n = row.cells().size();
        int dropped = rowsComplete ? 0 : Math.max(0, tableWidth - run.lineWidth());
        List<List<String>> placings = new ArrayList<>();
        for (int first = 0; first <= fields.size() && first + n <= fields.size() + dropped; first++) {
            int end = Math.min(first + n, fields.size());
            if (empty(fields.subList(0, first)) && empty(fields.subList(end, fields.size()))) {
                List<String> placed = new ArrayList<>(fields.subList(first, end));
                placed.addAll(java.util.Collections.nCopies(first + n - end, ""));
                if (!placings.contains(placed)) {
                    placings.add(placed);
                }
            }
        }
        if (placings.isEmpty()) {
            return of(row, run, year, trustSpaces);
        }
        List<RowReading> readings = new ArrayList<>();
        for (List<String> placed : placings) {
            List<Finding> findings = new ArrayList<>();
            Map<String, AmountUnit> units = new LinkedHashMap<>();
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                values[i] = field(row.cells().get(i), placed.get(i), findings, units);
            }
            readings.add(new RowReading(row, run, List.<BigDecimal[]>of(values), true, false, findings, Map.copyOf(units)));
        }
        List<RowReading> keeping = readings.stream().filter(r -> keepsOwnRuleWhereKnown(row, r.readings().get(0))).toList();
        List<RowReading> kept = keeping.isEmpty() ? readings : keeping;
        if (kept.size() == 1) {
            return kept.get(0);
        }
        List<BigDecimal[]> options = kept.stream().map(r -> r.readings().get(0)).toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int cell = i;
            if (options.stream().allMatch(o -> o[cell] == null)) {
                Cell blank = row.cells().get(i);
                findings.add(Finding.error("M", blank.pointer(), "a number", null, "blank in the document: "
                        + blank.label() + " (a blank is never zero)"));
            }
        }
        findings.add(Finding.warning(REPAIRED, rowPointer(row), null, abbreviate(String.join("\t", fields)), "the empty"
                + " fields of " + row.cells().get(0).rowLabel() + " leave more than one place for its cells: only what"
                + " every placing that keeps the form's rules agrees on is read"));
        return new RowReading(row, run, options, true, false, findings, Map.of());
    }

    private static boolean empty(List<String> fields) {
        return fields.stream().allMatch(String::isEmpty);
    }

    /** Whether a reading keeps the row's own rule in every block whose cells are all known. */
    private static boolean keepsOwnRuleWhereKnown(PrintedRow row, BigDecimal[] values) {
        if (!hasRule(row)) {
            return true;
        }
        int perBlock = row.isReviewLitigation() ? 5 : values.length;
        for (int block = 0; block + perBlock <= values.length; block += perBlock) {
            BigDecimal[] cells = Arrays.copyOfRange(values, block, block + perBlock);
            if (Arrays.stream(cells).noneMatch(java.util.Objects::isNull) && !keepsOwnRule(row, cells)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Figures printed apart by spaces (not tabs) that break the row's own rule. Either the publisher's figures break
     * it, or the spaces are not where the cells end (half-spaced rows, stray spaces); when the digits also split in a
     * way that keeps the rule, the row can be read both ways and only what both readings agree on is settled.
     */
    private static RowReading spacedAgainstItsRule(PrintedRow row, PrintedRun run, BigDecimal[] printed, String digits,
            List<Finding> findings) {
        DigitSplits.Splits splits = row.isReviewLitigation() ? DigitSplits.blocks(digits, row.cells().size() / 5, 5)
                : DigitSplits.totalled(digits, row.cells().size());
        if (splits.values().isEmpty() && splits.complete()) {
            return new RowReading(row, run, List.<BigDecimal[]>of(printed), true, false, findings, Map.of());
        }
        List<BigDecimal[]> readings = new ArrayList<>();
        readings.add(printed);
        splits.values().forEach(v -> readings.add(Arrays.stream(v).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new)));
        findings.add(Finding.warning(REPAIRED, rowPointer(row), null, abbreviate(String.join(" ", Arrays.stream(printed)
                .map(BigDecimal::toPlainString).toList())), "the figures of " + row.cells().get(0).rowLabel() + " are printed"
                + " apart in a way that breaks the row's own rule, and ran together they split in a way that keeps it:"
                + " the spaces may not be where the cells end"));
        return new RowReading(row, run, readings, splits.complete(), true, findings, Map.of());
    }

    /**
     * Whether this row shows that the document's spaces are not where its cells end: its figures are printed apart by
     * spaces, yet they are more or fewer than its cells, one starts with 0, or they break the row's own rule; or its
     * one figure has a space inside it.
     */
    boolean spacedAgainstItsCells() {
        if (run == null || run.positional()) {
            return false;
        }
        List<String> tokens = run.fields();
        if (row.cells().size() == 1) {
            return tokens.size() > 1;
        }
        if (tokens.size() < 2) {
            return false;
        }
        if (tokens.size() != row.cells().size() || tokens.stream().anyMatch(t -> t.length() > 1 && t.charAt(0) == '0' && !t.startsWith("0."))) {
            return true;
        }
        return readings.size() > 1 || tokens.stream().allMatch(t -> NUMBER.matcher(t).matches())
                && !keepsOwnRule(row, tokens.stream().map(BigDecimal::new).toArray(BigDecimal[]::new));
    }

    /** Whether its figures are printed apart by spaces (not tabs), as more than one. */
    boolean spaced() {
        return run != null && !run.positional() && run.fields().size() > 1;
    }

    /** Whether its figures ran together into one, though it has several cells. */
    boolean runTogether() {
        return run != null && !run.positional() && run.fields().size() == 1 && row.cells().size() > 1;
    }

    /** Whether a reading keeps the row's own rule: a 三 row's 总计 is its six columns, each 四 block's 总计 its four. */
    static boolean keepsOwnRule(PrintedRow row, BigDecimal[] values) {
        if (!hasRule(row)) {
            return true;
        }
        int perBlock = row.isReviewLitigation() ? 5 : values.length;
        for (int block = 0; block + perBlock <= values.length; block += perBlock) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = block; i < block + perBlock - 1; i++) {
                sum = sum.add(values[i]);
            }
            if (sum.compareTo(values[block + perBlock - 1]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** One cell printed with stray spaces inside it, or with prose run into it. */
    private static RowReading single(PrintedRow row, PrintedRun run, List<String> tokens, String digits, int year,
            List<Finding> findings) {
        Cell cell = row.cells().get(0);
        if (tokens.size() == 1 && digits.length() == 5 && digits.charAt(0) == '0' && isYearNear(digits.substring(1), year)) {
            findings.add(Finding.warning(REPAIRED, cell.pointer(), "0", digits,
                    "read as 0: the year " + digits.substring(1) + " of the following text runs into the figure"));
            return new RowReading(row, run, List.<BigDecimal[]>of(new BigDecimal[] {BigDecimal.ZERO}), true, false, findings,
                    Map.of());
        }
        if (tokens.size() > 1 && NUMBER.matcher(digits).matches()) {
            findings.add(Finding.warning(REPAIRED, cell.pointer(), digits, String.join(" ", tokens),
                    "read as " + digits + ": the figure was printed with spaces inside it"));
            return new RowReading(row, run, List.<BigDecimal[]>of(new BigDecimal[] {new BigDecimal(digits)}), true, false, findings,
                    Map.of());
        }
        findings.add(Finding.error(UNREADABLE, cell.pointer(), "one number", abbreviate(String.join(" ", tokens)),
                "could not be read as one number: " + cell.label()));
        return new RowReading(row, run, List.of(), true, false, findings, Map.of());
    }

    /** Figures that ran together: every split that keeps the row's rule. */
    private static RowReading split(PrintedRow row, PrintedRun run, String digits, List<Finding> findings) {
        int n = row.cells().size();
        List<BigDecimal[]> readings = new ArrayList<>();
        boolean complete;
        if (hasRule(row)) {
            DigitSplits.Splits splits = row.isReviewLitigation() ? DigitSplits.blocks(digits, n / 5, 5)
                    : DigitSplits.totalled(digits, n);
            splits.values().forEach(v -> readings.add(Arrays.stream(v).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new)));
            if (row.isReviewLitigation()) {
                readings.addAll(withABlankBlock(digits, n / 5));
            }
            complete = splits.complete();
        } else {
            DigitSplits.Decimals splits = DigitSplits.typed(digits, row.cells().stream().map(Cell::type).toList());
            readings.addAll(splits.values());
            complete = splits.complete();
        }
        if (readings.isEmpty()) {
            findings.add(Finding.error(UNREADABLE, rowPointer(row), n + " figures that keep the form's rules",
                    abbreviate(digits), "the figures printed for " + row.cells().get(0).rowLabel()
                            + " ran together and split no way that keeps the form's rules"));
        }
        return new RowReading(row, run, readings, complete, true, findings, Map.of());
    }

    /**
     * Table 四 run together with one of its blocks left blank (as the 行政复议 block often is): the figures of the
     * other blocks, with the blank one in each place it could be. These compete with the full readings, so a blank
     * block is never made up from the others' figures.
     */
    private static List<BigDecimal[]> withABlankBlock(String digits, int blocks) {
        List<BigDecimal[]> readings = new ArrayList<>();
        DigitSplits.Splits fewer = DigitSplits.blocks(digits, blocks - 1, 5);
        for (long[] values : fewer.values()) {
            for (int blank = 0; blank < blocks; blank++) {
                BigDecimal[] reading = new BigDecimal[blocks * 5];
                for (int i = 0, v = 0; i < reading.length; i++) {
                    reading[i] = i / 5 == blank ? null : BigDecimal.valueOf(values[v++]);
                }
                readings.add(reading);
            }
        }
        return readings;
    }

    /** A cell's own text in a table row: a number, blank, or something else that is named. */
    private static BigDecimal field(Cell cell, String text, List<Finding> findings, Map<String, AmountUnit> units) {
        String compact = text.replace(" ", "");
        if (compact.isEmpty()) {
            findings.add(Finding.error("M", cell.pointer(), "a number", null, "blank in the document: " + cell.label()
                    + " (a blank is never zero)"));
            return null;
        }
        if (BLANK_MARKS.contains(compact)) {
            findings.add(Finding.error("M", cell.pointer(), "a number", compact, "printed as " + compact + ", not a number: "
                    + cell.label() + " (a blank is never zero)"));
            return null;
        }
        BigDecimal figure = PrintedFigure.value(cell, compact);
        if (figure != null) {
            if (!compact.equals(text)) {
                findings.add(Finding.warning(REPAIRED, cell.pointer(), compact, text, "read as " + compact
                        + ": the figure was printed with spaces inside it"));
            }
            return figure;
        }
        var unit = WITH_UNIT.matcher(compact);
        if (unit.matches()) {
            BigDecimal number = new BigDecimal(unit.group(1).replace(",", "") + (unit.group(2) == null ? "" : unit.group(2)));
            Optional<AmountUnit> amountUnit = AmountUnit.of(unit.group(3));
            if (cell.unitInReport() && amountUnit.isPresent()) {
                units.put(cell.key(), amountUnit.get());
                return number;
            }
            if (unit.group(3).equals("元") && cell.unit().equals("万元")) {
                BigDecimal value = number.movePointLeft(4).stripTrailingZeros();
                value = value.scale() < 0 ? value.setScale(0) : value;
                findings.add(Finding.warning(REPAIRED, cell.pointer(), value.toPlainString(), compact, "printed in 元 inside the"
                        + " cell; read as " + value.toPlainString() + " 万元: " + cell.label()));
                return value;
            }
            findings.add(Finding.warning(REPAIRED, cell.pointer(), number.toPlainString(), compact, "the unit "
                    + unit.group(3) + " was printed inside the cell; read as " + number.toPlainString() + ": " + cell.label()));
            return number;
        }
        findings.add(Finding.error(UNREADABLE, cell.pointer(), "a number", abbreviate(text), "not a number: " + cell.label()));
        return null;
    }

    private static boolean isYearNear(String digits, int year) {
        int printed = Integer.parseInt(digits);
        return printed >= year - 1 && printed <= year + 2;
    }

    static String rowPointer(PrintedRow row) {
        return "/" + row.path().replace('.', '/');
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
