package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.imports.PublishedLayouts.Rendered;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The importer's promise, cell by cell: a cell read is exactly the figure printed; a cell not read is null and named
 * in a finding (its own pointer, or its row's or block's); a blank cell is never read as a number. An amount whose
 * unit the form leaves to the report is read with the unit the report gives, or without one and a finding on it.
 */
final class ImportChecks {

    static final FormDefinition FORM = Forms.require("2021");
    private static final int PROBLEMS_SHOWN = 25;
    private static final int FINDINGS_SHOWN = 15;
    static final int DOCUMENT_SHOWN = 3_000;

    /**
     * How one reading went: cells read as printed, cells left null and named, cells read as another number (or a
     * blank read as one), those of them no finding names (the worst), and every broken promise in words.
     */
    record Outcome(int settled, int unsettled, int wrong, int silentlyWrong, List<String> problems) {
    }

    private ImportChecks() {
    }

    /**
     * Checks every cell of the 2021 form against what the document prints ({@code printed} gives null for a cell
     * left blank). With {@code complete}, a printed cell left null is a failure too.
     */
    static Outcome check(Function<Cell, BigDecimal> printed, ImportDraft draft, boolean complete) {
        return check(FORM, printed, cell -> null, draft, complete);
    }

    /** Checks every cell of a printed report's form against what it prints, amounts with their unit. */
    static Outcome check(PrintedReport report, ImportDraft draft, boolean complete) {
        return check(report.form(), report::printed, report::unit, draft, complete);
    }

    private static Outcome check(FormDefinition form, Function<Cell, BigDecimal> printed, Function<Cell, AmountUnit> units,
            ImportDraft draft, boolean complete) {
        int settled = 0;
        int unsettled = 0;
        int wrong = 0;
        int silentlyWrong = 0;
        List<String> problems = new ArrayList<>();
        if (!form.version().equals(draft.formVersion())) {
            problems.add("FORM    read against form " + draft.formVersion() + ", printed in form " + form.version());
        }
        for (Cell cell : form.cells()) {
            BigDecimal expected = printed.apply(cell);
            String shown = expected == null ? "blank" : expected.toPlainString();
            JsonNode node = draft.submission() == null ? MissingNode.getInstance() : draft.submission().at(cell.pointer());
            if (cell.unitInReport() && node.isObject()) {
                String unitProblem = unitProblem(cell, units.apply(cell), node, draft.findings());
                if (unitProblem != null) {
                    problems.add(unitProblem);
                }
                node = node.path(StatisticsJson.AMOUNT);
            }
            boolean named = named(draft.findings(), cell.pointer());
            if (node.isMissingNode() || node.isNull()) {
                if (!named) {
                    problems.add("UNNAMED " + cell.key() + ": printed " + shown + ", read null, and no finding names it");
                } else if (complete && expected != null) {
                    problems.add("UNREAD  " + cell.key() + ": printed " + shown + ", read null");
                } else {
                    unsettled++;
                }
            } else if (!node.isNumber() || expected == null || node.decimalValue().compareTo(expected) != 0) {
                wrong++;
                if (!named) {
                    silentlyWrong++;
                }
                problems.add((named ? "WRONG   " : "SILENT  ") + cell.key() + ": printed " + shown + ", read " + node
                        + (named ? " (a finding names the cell)" : ", and no finding names it"));
            } else {
                settled++;
            }
        }
        return new Outcome(settled, unsettled, wrong, silentlyWrong, problems);
    }

    /** What is wrong with the unit read with an amount: another unit, or none and no finding that says so. */
    private static String unitProblem(Cell cell, AmountUnit expected, JsonNode amount, List<Finding> findings) {
        JsonNode unit = amount.get(StatisticsJson.UNIT);
        String read = unit == null ? null : unit.asText();
        String printed = expected == null ? null : expected.label();
        if (read == null && printed == null) {
            return named(findings, cell.pointer() + "/" + StatisticsJson.UNIT) ? null
                    : "UNIT    " + cell.key() + ": printed without a unit, read without one, and no finding names it";
        }
        if (read == null) {
            return named(findings, cell.pointer() + "/" + StatisticsJson.UNIT) ? null
                    : "UNIT    " + cell.key() + ": printed in " + printed + ", read without a unit and no finding names it";
        }
        return read.equals(printed) ? null : "UNIT    " + cell.key() + ": printed in " + printed + ", read in " + read;
    }

    /** Whether a finding names the cell, its row or its block (a pointer that is the cell's or a prefix of it). */
    static boolean named(List<Finding> findings, String pointer) {
        return findings.stream().flatMap(finding -> finding.pointers().stream())
                .anyMatch(p -> p.length() > 1 && (pointer.equals(p) || pointer.startsWith(p + "/")));
    }

    /** A failure shown so that it can be reproduced: layout, seed, what went wrong, the findings, the document. */
    static String describe(Rendered rendered, List<String> problems, ImportDraft draft) {
        return "\n" + rendered.layout() + " report in form " + rendered.report().form().version() + ", seed "
                + rendered.seed() + " (PublishedLayouts.render(form, " + rendered.report().year() + ", Layout."
                + rendered.layout() + ", " + rendered.seed() + "L)), " + rendered.contentType() + ", variants "
                + rendered.report().variants() + ", " + rendered.report().figures() + "\n" + describe(problems, draft) + "document:\n"
                + rendered.head(DOCUMENT_SHOWN) + "\n";
    }

    static String describe(List<String> problems, ImportDraft draft) {
        StringBuilder out = new StringBuilder();
        problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> out.append("  ").append(problem).append('\n'));
        if (problems.size() > PROBLEMS_SHOWN) {
            out.append("  … and ").append(problems.size() - PROBLEMS_SHOWN).append(" more\n");
        }
        if (draft != null) {
            out.append("findings (").append(draft.findings().size()).append("):\n");
            draft.findings().stream().limit(FINDINGS_SHOWN).forEach(f -> out.append("  ").append(f.rule()).append(' ')
                    .append(f.severity()).append(' ').append(f.pointers().stream().collect(Collectors.joining(",")))
                    .append(" expected ").append(f.expected()).append(" actual ").append(f.actual()).append(": ")
                    .append(f.message()).append('\n'));
        }
        return out.toString();
    }
}
