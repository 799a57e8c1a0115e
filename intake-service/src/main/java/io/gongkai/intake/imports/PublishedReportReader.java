package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.GovernmentLevel;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.validation.TextChecks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a published annual report (text or HTML, in any of the character sets government sites use) into the
 * submission it prints: whose it is and which year from its title unless the operator says, every cell it prints,
 * and a finding for everything it does not print unambiguously. Deterministic and stateless: the same document
 * always gives the same draft.
 */
public final class PublishedReportReader {

    /** The table whose labels tell a report's form when nothing else does. */
    private static final String ACTIVE_DISCLOSURE = "二";

    private final DivisionTable divisions;
    private final TitleResolver titles;

    public PublishedReportReader(DivisionTable divisions) {
        this.divisions = divisions;
        this.titles = new TitleResolver(divisions);
    }

    public ImportDraft read(byte[] body, String contentType, ImportHints hints) {
        SourceDocument source = DocumentDecoder.decode(body, contentType);
        List<String> lines = DocumentLines.of(source);
        String text = String.join("\n", lines);
        TitleMatch title = titles.resolve(lines);
        List<Finding> findings = new ArrayList<>();

        Integer year = year(hints, title, findings);
        TableForms printedIn = TableForms.of(FormReader.tables(text));
        FormDefinition form = form(hints, year, printedIn);
        ImportDraft.Unit unit = unit(hints, title, findings);
        FormReader.Reading reading = new FormReader(form).read(text, year == null ? 0 : year, printedIn,
                source.kind() == SourceDocument.Kind.HTML);
        findings.addAll(reading.findings());
        CellValues values = values(form, reading);
        findings.addAll(RuleEvaluator.sameYear(values, level(unit)));
        findings.addAll(TextChecks.ofDocument(text, values));

        ObjectNode submission = StatisticsJson.NODES.objectNode();
        ObjectNode unitNode = submission.putObject("unit");
        unitNode.put("code", unit.code());
        unitNode.put("name", unit.name());
        unitNode.put("parentCode", unit.parentCode());
        if (year == null) {
            submission.putNull("year");
        } else {
            submission.put("year", year);
        }
        submission.put("formVersion", form.version());
        submission.setAll(cells(form, reading));
        ObjectNode texts = ReportParts.of(text);
        if (!texts.isEmpty()) {
            submission.set("text", texts);
        }
        ImportDraft.Document document = new ImportDraft.Document(source.kind().name(), source.charset(), title.title(),
                lines.size());
        return new ImportDraft(unit, year, form.version(), submission, List.copyOf(findings), reading.sources(), document);
    }

    /**
     * The form the report is read against: the one asked for, else the one in force for its year, else (no year
     * known) the one its table 二's labels say, else the newest. Tables whose labels say another form are named by
     * the form reader, never read as this one.
     */
    private static FormDefinition form(ImportHints hints, Integer year, TableForms printedIn) {
        if (hints.formVersion() != null) {
            return Forms.require(hints.formVersion());
        }
        if (year != null) {
            Optional<FormDefinition> inForce = Forms.forYear(year);
            if (inForce.isPresent()) {
                return inForce.get();
            }
        }
        return printedIn.form(ACTIVE_DISCLOSURE).orElseGet(PublishedReportReader::newest);
    }

    private static FormDefinition newest() {
        return Forms.all().stream().max(Comparator.comparingInt(FormDefinition::firstReportYear)).orElseThrow();
    }

    private static Integer year(ImportHints hints, TitleMatch title, List<Finding> findings) {
        if (hints.year() != null) {
            if (title.year() != null && !title.year().equals(hints.year())) {
                findings.add(Finding.warning("IMPORT.TITLE", "/year", String.valueOf(hints.year()), String.valueOf(title.year()),
                        "the title names " + title.year() + ", the import was told " + hints.year()));
            }
            return hints.year();
        }
        title.findings().stream().filter(f -> f.pointers().contains("/year")).forEach(findings::add);
        return title.year();
    }

    private ImportDraft.Unit unit(ImportHints hints, TitleMatch title, List<Finding> findings) {
        if (hints.unitCode() != null) {
            Division division = divisions.find(hints.unitCode()).orElse(null);
            if (division != null) {
                if (title.division() != null && !title.division().code().equals(division.code()) && title.department() == null) {
                    findings.add(Finding.warning("IMPORT.TITLE", "/unit/code", division.code(), title.division().code(),
                            "the title names " + title.division().name() + " (" + title.division().code() + ")"));
                }
                return new ImportDraft.Unit(division.code(), name(division), null);
            }
            String parent = hints.parentCode() != null ? hints.parentCode()
                    : title.division() != null ? title.division().code() : null;
            String name = title.department() != null ? title.department() : null;
            return new ImportDraft.Unit(hints.unitCode(), name, parent);
        }
        title.findings().stream().filter(f -> !f.pointers().contains("/year")).forEach(findings::add);
        if (title.division() == null) {
            return new ImportDraft.Unit(null, null, hints.parentCode());
        }
        if (title.department() != null) {
            findings.add(Finding.error("IMPORT.TITLE", "/unit/code", "the department's code", title.department(),
                    "the title names a department of " + title.division().name() + " (" + title.division().code()
                            + "): give its code as unitCode"));
            return new ImportDraft.Unit(null, title.department(), title.division().code());
        }
        return new ImportDraft.Unit(title.division().code(), name(title.division()), null);
    }

    /** A division's name with its county's before it for a township (原州区三营镇), as units call themselves. */
    private String name(Division division) {
        if (division.level() == DivisionLevel.TOWNSHIP && division.parentCode() != null) {
            return divisions.find(division.parentCode()).map(county -> county.name() + division.name()).orElse(division.name());
        }
        return division.name();
    }

    private static GovernmentLevel level(ImportDraft.Unit unit) {
        String code = unit.code() == null ? unit.parentCode() : unit.code().contains("-") ? unit.parentCode() : unit.code();
        return code == null ? GovernmentLevel.COUNTY
                : DivisionLevel.ofCode(code).map(DivisionLevel::government).orElse(GovernmentLevel.COUNTY);
    }

    /** The values read, as the rules judge them: an amount in 万元, absent when the report gave it no unit. */
    private static CellValues values(FormDefinition form, FormReader.Reading reading) {
        CellValues.Builder values = CellValues.builder(form);
        reading.values().forEach((key, value) -> {
            Cell cell = form.requireCell(key);
            if (value == null || !cell.unitInReport()) {
                values.set(cell, value);
            } else {
                AmountUnit unit = reading.units().get(key);
                values.set(cell, unit == null ? null : unit.toWanYuan(value));
            }
        });
        return values.build();
    }

    /**
     * The cells as the submission's nested objects, null where nothing was read; an amount whose unit the form
     * leaves to the report as printed, with the unit the report gives: {"amount": 251000, "unit": "元"}.
     */
    private static ObjectNode cells(FormDefinition form, FormReader.Reading reading) {
        ObjectNode root = StatisticsJson.NODES.objectNode();
        write(form.root(), root, reading);
        return root;
    }

    private static void write(FormNode group, ObjectNode target, FormReader.Reading reading) {
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            FormNode node = child.getValue();
            if (!node.isCell()) {
                write(node, target.putObject(child.getKey()), reading);
                continue;
            }
            Cell cell = node.cell().orElseThrow();
            BigDecimal value = reading.values().get(cell.key());
            if (value == null) {
                target.putNull(child.getKey());
            } else if (cell.unitInReport()) {
                ObjectNode amount = target.putObject(child.getKey());
                amount.set(StatisticsJson.AMOUNT, StatisticsJson.number(value));
                AmountUnit unit = reading.units().get(cell.key());
                if (unit != null) {
                    amount.put(StatisticsJson.UNIT, unit.label());
                }
            } else {
                target.set(child.getKey(), StatisticsJson.number(value));
            }
        }
    }
}
