package io.gongkai.intake.imports;

import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.intake.api.ImportDraft.CellSource;
import io.gongkai.intake.imports.PrintedRows.PrintedRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the three tables of a published report from its lines: finds each printed row by its label, in the form's
 * order, reads the figures after it, and settles figures that ran together with the form's arithmetic. A cell is
 * given a value only when the document says it one way; everything else is null and named in a finding.
 */
final class FormReader {

    static final String AMBIGUOUS = "IMPORT.AMBIGUOUS";
    static final String SETTLED_BY_TEXT = "IMPORT.SETTLED_BY_TEXT";
    static final String SPLIT = "IMPORT.SPLIT";
    static final String SPACING = "IMPORT.SPACING";
    static final String OTHER_FORM = "IMPORT.FORM";
    static final String EXTRA = ExtraFigures.RULE;

    /** Where table 二 starts, best first; the rows are looked for from there on. */
    private static final List<String> TABLES_START = List.of("二、主动公开政府信息情况", "第二十条", "主动公开政府信息情况");
    /** Where the tables end: part 五's heading. */
    private static final List<String> TABLES_END = List.of("五、存在的主要问题", "存在的主要问题", "五、其他需要报告");
    /** How many rows ahead a label is looked for before a row is taken to be missing. */
    private static final int LOOKAHEAD = 3;

    private final FormDefinition form;
    private final PrintedRows printed;

    FormReader(FormDefinition form) {
        this.form = form;
        this.printed = PrintedRows.of(form);
    }

    /**
     * What was read.
     *
     * @param values   each cell's value by key; null when not read
     * @param units    the unit the report gives each amount read whose unit the form leaves to it, by key
     * @param sources  where each read cell was printed
     * @param findings cells absent, blank, unreadable or ambiguous, and repairs made
     */
    record Reading(Map<String, BigDecimal> values, Map<String, AmountUnit> units, List<CellSource> sources,
            List<Finding> findings) {
    }

    /** The part of a document its tables are in: from table 二's heading to part 五's. */
    static String tables(String document) {
        int start = firstOf(document, TABLES_START, 0).orElse(0);
        int end = firstOf(document, TABLES_END, start).orElse(document.length());
        return document.substring(start, end);
    }

    /**
     * Reads the tables against this reader's form.
     *
     * @param printedIn    the form each table's labels say it is printed in: a row of a table printed in another form
     *                     is read only when that form prints it alike, and the others are named, never read
     * @param rowsComplete whether every table row line holds all its cells (an HTML page), so that no line lost the
     *                     blank cells it ended in
     */
    Reading read(String document, int year, TableForms printedIn, boolean rowsComplete) {
        int start = firstOf(document, TABLES_START, 0).orElse(0);
        int end = firstOf(document, TABLES_END, start).orElse(document.length());
        List<PrintedRow> rows = printed.rows();
        int[] labelStart = new int[rows.size()];
        int[] labelEnd = new int[rows.size()];
        locate(document, rows, start, end, labelStart, labelEnd);
        List<PrintedRow> otherForm = rows.stream().filter(row -> !readable(row, printedIn)).toList();

        List<PrintedRun> runs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PrintedRow row = rows.get(i);
            if (labelStart[i] < 0) {
                runs.add(null);
                continue;
            }
            int limit = end;
            String nextOrdinal = null;
            for (int j = i + 1; j < rows.size(); j++) {
                if (labelStart[j] >= 0) {
                    limit = labelStart[j];
                    String ordinal = rows.get(j).ordinal();
                    nextOrdinal = ordinal == null || document.startsWith(ordinal + ".", limit) ? null : ordinal;
                    break;
                }
            }
            runs.add(otherForm.contains(row) ? null
                    : PrintedRun.find(document, labelEnd[i], limit, nextOrdinal, PrintedFigure.signed(row.cells())));
        }
        Alignment alignment = new Alignment(widths(rows, runs), rowsComplete);
        List<RowReading> readings = readRows(rows, runs, year, true, alignment);
        boolean spacesUntrusted = readings.stream().anyMatch(RowReading::spacedAgainstItsCells) || mixed(readings);
        if (spacesUntrusted) {
            readings = readRows(rows, runs, year, false, alignment);
        }
        Reading reading = settle(document, readings, TextFacts.of(document), otherForm);
        readUnits(document, readings, start, labelStart, labelEnd, reading);
        reading.findings().addAll(otherFormFindings(otherForm, printedIn));
        if (spacesUntrusted) {
            reading.findings().add(Finding.warning(SPACING, "/applications", null, null, "the spaces between figures"
                    + " do not always fall where cells end (a row has more or fewer figures than cells, a figure starts"
                    + " with 0, or a row breaks its own total): every row printed with spaces was read from its digits"));
        }
        reading.findings().addAll(ExtraFigures.find(document, start, end, readings));
        return reading;
    }

    /**
     * Whether table 三 has rows printed apart by spaces beside rows whose figures ran together: a copy whose spacing
     * comes and goes, so that even rows that look right may have their spaces in the wrong places.
     */
    private static boolean mixed(List<RowReading> readings) {
        List<RowReading> applications = readings.stream().filter(r -> r.row().isApplications()).toList();
        return applications.stream().anyMatch(RowReading::spaced) && applications.stream().anyMatch(RowReading::runTogether);
    }

    /**
     * How the tab-separated row lines of tables 二 and 三 stand: each table's widest, and whether any line may have
     * dropped the empty fields it ended in.
     */
    private record Alignment(Map<String, Integer> widths, boolean rowsComplete) {
    }

    /** How many fields the widest tab-separated row line of each table has. */
    private static Map<String, Integer> widths(List<PrintedRow> rows, List<PrintedRun> runs) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PrintedRun run = runs.get(i);
            if (run != null && run.positional()) {
                widths.merge(rows.get(i).table(), run.lineWidth(), Math::max);
            }
        }
        return widths;
    }

    private static List<RowReading> readRows(List<PrintedRow> rows, List<PrintedRun> runs, int year, boolean trustSpaces,
            Alignment alignment) {
        List<RowReading> readings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PrintedRun run = runs.get(i);
            PrintedRow row = rows.get(i);
            if (run == null) {
                readings.add(RowReading.absent(row));
            } else if (run.positional() && (!row.isReviewLitigation() || alignment.rowsComplete())) {
                readings.add(RowReading.aligned(row, run, year, trustSpaces, alignment.widths().get(row.table()),
                        alignment.rowsComplete()));
            } else {
                readings.add(RowReading.of(row, run, year, trustSpaces));
            }
        }
        return readings;
    }

    /** Finds each row's label after the previous one; a row whose label comes after a later row's is missing. */
    private static void locate(String document, List<PrintedRow> rows, int start, int end, int[] labelStart, int[] labelEnd) {
        int from = start;
        for (int i = 0; i < rows.size(); i++) {
            PrintedRow row = rows.get(i);
            int searchFrom = from;
            int[] match = match(document, row, searchFrom, end);
            boolean laterRowFirst = false;
            if (match != null && !row.isReviewLitigation()) {
                for (int j = i + 1; j < Math.min(rows.size(), i + 1 + LOOKAHEAD); j++) {
                    int[] later = match(document, rows.get(j), searchFrom, end);
                    if (later != null && later[0] < match[0] && !rows.get(j).isReviewLitigation()) {
                        laterRowFirst = true;
                        break;
                    }
                }
            }
            if (match == null || laterRowFirst) {
                labelStart[i] = -1;
                continue;
            }
            labelStart[i] = match[0];
            labelEnd[i] = match[1];
            from = match[1];
        }
    }

    /** The first place a row's label occurs, as [start, end), or null. */
    private static int[] match(String document, PrintedRow row, int from, int end) {
        int[] best = null;
        for (String keyword : row.keywords()) {
            int at = document.indexOf(keyword, from);
            if (at >= 0 && at + keyword.length() <= end && (best == null || at < best[0])) {
                best = new int[] {at, at + keyword.length()};
            }
        }
        return best;
    }

    /** Whether a row can be read here: its table is printed in this form, says no form, or prints the row alike. */
    private boolean readable(PrintedRow row, TableForms printedIn) {
        FormDefinition printedForm = printedIn.form(row.table()).orElse(form);
        return printedForm == form || PrintedRows.of(printedForm).row(row.path()).filter(row::printedAlike).isPresent();
    }

    /** One finding per table printed in another form, naming the rows that form prints otherwise. */
    private List<Finding> otherFormFindings(List<PrintedRow> otherForm, TableForms printedIn) {
        Map<String, List<PrintedRow>> byTable = new LinkedHashMap<>();
        otherForm.forEach(row -> byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row));
        List<Finding> findings = new ArrayList<>();
        byTable.forEach((table, rows) -> {
            String printedForm = printedIn.form(table).orElseThrow().version();
            findings.add(new Finding(OTHER_FORM, io.gongkai.contracts.form.Severity.ERROR,
                    rows.stream().map(RowReading::rowPointer).toList(), "the labels of form " + form.version(),
                    String.join(", ", printedIn.seen().get(table)), "table " + table + " is printed in form "
                            + printedForm + " (its labels say so) and is read against form " + form.version()
                            + ": the rows the two forms print differently are not read; read the report with"
                            + " formVersion " + printedForm + " if that is its form"));
        });
        return findings;
    }

    /** The unit of each amount read whose unit the form leaves to the report. */
    private static void readUnits(String document, List<RowReading> readings, int start, int[] labelStart, int[] labelEnd,
            Reading reading) {
        int headingFrom = start;
        for (int i = 0; i < readings.size(); i++) {
            RowReading row = readings.get(i);
            if (labelStart[i] < 0) {
                continue;
            }
            for (Cell cell : row.row().cells()) {
                if (cell.unitInReport() && row.run() != null && reading.values().get(cell.key()) != null) {
                    AmountUnits.Place place = new AmountUnits.Place(headingFrom, labelStart[i], labelEnd[i]);
                    AmountUnits.of(document, cell, row, place, reading.findings())
                            .ifPresent(unit -> reading.units().put(cell.key(), unit));
                }
            }
            headingFrom = labelStart[i];
        }
    }

    private Reading settle(String document, List<RowReading> readings, TextFacts facts, List<PrintedRow> otherForm) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<CellSource> sources = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<RowReading> applications = readings.stream().filter(r -> r.row().isApplications()).toList();
        ApplicationsSolver.Outcome solved = ApplicationsSolver.settle(
                applications.stream().map(r -> r.complete() ? r.readings() : null).toList(),
                applications.stream().map(r -> r.row().path()).toList());
        int applicationIndex = 0;
        for (RowReading reading : readings) {
            if (otherForm.contains(reading.row())) {
                if (reading.row().isApplications()) {
                    applicationIndex++;
                }
                continue;
            }
            findings.addAll(reading.findings());
            List<BigDecimal[]> options = reading.complete() ? reading.readings() : List.of();
            if (reading.row().isApplications()) {
                BitSet kept = solved.remaining().get(applicationIndex++);
                options = kept.stream().mapToObj(options::get).toList();
                if (reading.split() && solved.rulesBroken() && !options.isEmpty()) {
                    findings.add(Finding.error(AMBIGUOUS, RowReading.rowPointer(reading.row()), "figures that keep R3.1 and R3.2",
                            RowReading.abbreviate(reading.run().printed(document)), "the figures of "
                                    + reading.row().cells().get(0).rowLabel() + " ran together, and the table's figures break"
                                    + " R3.1 or R3.2 however they are split: a split by the rules cannot be trusted"));
                    continue;
                }
            } else if (options.size() > 1) {
                List<BigDecimal[]> byText = facts.filter(reading.row(), options);
                if (byText.size() == 1) {
                    findings.add(Finding.warning(SETTLED_BY_TEXT, RowReading.rowPointer(reading.row()), null,
                            reading.run().printed(document), "the figures ran together; split as the report's own text"
                                    + " states them"));
                }
                options = byText.isEmpty() ? options : byText;
            }
            if (reading.split() && reading.complete() && !options.isEmpty()) {
                findings.add(Finding.warning(SPLIT, RowReading.rowPointer(reading.row()), null,
                        RowReading.abbreviate(reading.run().printed(document)), "the figures of "
                                + reading.row().cells().get(0).rowLabel() + " ran together and were split by the form's"
                                + " rules; if the published figures break a rule, the split is wrong: check them"));
            }
            record(document, reading, options, values, sources, findings);
        }
        form.cells().forEach(cell -> values.putIfAbsent(cell.key(), null));
        return new Reading(values, new LinkedHashMap<>(), sources, findings);
    }

    /** The cells every remaining reading agrees on; the others are named. */
    private static void record(String document, RowReading reading, List<BigDecimal[]> options, Map<String, BigDecimal> values,
            List<CellSource> sources, List<Finding> findings) {
        List<Cell> cells = reading.row().cells();
        if (reading.run() == null) {
            findings.add(new Finding("M", io.gongkai.contracts.form.Severity.ERROR, cells.stream().map(Cell::pointer).toList(),
                    cells.size() + " figure(s)", null, "not in the document: " + reading.row().cells().get(0).rowLabel()
                    + " (" + cells.size() + " cell(s))"));
            return;
        }
        if (!reading.complete()) {
            findings.add(Finding.error(AMBIGUOUS, RowReading.rowPointer(reading.row()), "one reading",
                    RowReading.abbreviate(reading.run().printed(document)), "the figures ran together and split too many"
                            + " ways to settle: " + reading.row().cells().get(0).rowLabel()));
            return;
        }
        if (options.isEmpty()) {
            return;
        }
        String printed = reading.run().printed(document);
        int line = lineOf(document, reading.run().start());
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            final int column = i;
            List<BigDecimal> seen = options.stream().map(o -> o[column]).distinct().toList();
            if (seen.size() == 1) {
                if (seen.get(0) != null) {
                    values.put(cell.key(), seen.get(0));
                    sources.add(new CellSource(cell.pointer(), line, RowReading.abbreviate(printed)));
                }
            } else {
                findings.add(Finding.error(AMBIGUOUS, cell.pointer(), "one reading", seen.stream()
                        .map(v -> Objects.toString(v, "blank")).toList().toString(), "the figures " + RowReading.abbreviate(printed)
                        + " ran together and can be read more than one way that keeps every rule: " + cell.label()));
            }
        }
    }

    private static int lineOf(String document, int offset) {
        int line = 1;
        for (int i = document.indexOf('\n'); i >= 0 && i < offset; i = document.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    private static java.util.Optional<Integer> firstOf(String document, List<String> marks, int from) {
        for (String mark : marks) {
            int at = document.indexOf(mark, from);
            if (at >= 0) {
                return java.util.Optional.of(at);
            }
        }
        return java.util.Optional.empty();
    }
}
