package io.gongkai.intake.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed submission against the national form: its envelope (unit, year, form version, text), every
 * cell (present, a number, whole for counts, at most six places for amounts, in range), the same-year rules, and
 * what its texts say ({@link TextChecks}). Reports every finding at once.
 */
@ApplicationScoped
public class SubmissionValidator {

    static final int MAX_TEXT_LENGTH = 100_000;
    /** Official names are letters (汉字 included), digits and a little punctuation. */
    private static final java.util.regex.Pattern UNIT_NAME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N} ·・（）()\\-—、.]{1,200}");
    private static final Set<String> UNIT_FIELDS = Set.of("code", "name", "parentCode");
    private static final Set<String> TEXT_FIELDS = Set.of("overview", "problemsAndImprovements", "otherMatters");
    private static final Set<String> ENVELOPE_FIELDS = Set.of("unit", "year", "formVersion", "text");

    private final UnitRegistry units;
    private final Clock clock;

    public SubmissionValidator(UnitRegistry units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    public ValidatedSubmission validate(JsonNode document) {
        if (!document.isObject()) {
            throw SubmissionRejectedException.malformed(List.of(Finding.error("SCHEMA", "", "a JSON object",
                    document.getNodeType().name().toLowerCase(), "a submission is a JSON object")));
        }
        List<Finding> findings = new ArrayList<>();
        Integer year = year(document.get("year"), findings);
        FormDefinition form = form(document.get("formVersion"), year, findings);
        if (form == null) {
            throw SubmissionRejectedException.malformed(findings);
        }
        UnitFields unit = unit(document.get("unit"), findings);
        UnitRegistry.Resolution resolution = unit == null ? null : units.resolve(unit.code, unit.name, unit.parent);
        if (resolution != null) {
            findings.addAll(resolution.findings());
        }
        ObjectNode text = text(document.get("text"), findings);
        unknownFields(document, form, findings);

        CellValues values = StatisticsJson.read(form, document);
        for (FormNode section : form.root().children().values()) {
            checkGroup(section, document.get(section.name()), findings);
        }
        if (resolution != null && resolution.known()) {
            findings.addAll(RuleEvaluator.sameYear(values, resolution.level()));
        }
        findings.addAll(TextChecks.ofSubmission(text, values));
        return new ValidatedSubmission(unit == null ? null : unit.code, unit == null ? null : unit.name,
                unit == null ? null : unit.parent, resolution == null ? null : resolution.level(),
                year == null ? 0 : year, form, values, text, findings);
    }

    private Integer year(JsonNode node, List<Finding> findings) {
        int current = LocalDate.now(clock).getYear();
        int first = Forms.firstReportYear();
        String expected = "a report year from " + first + " to " + current;
        if (node == null || node.isNull()) {
            findings.add(Finding.error("M", "/year", expected, null, "the report year is missing"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            findings.add(Finding.error("YEAR", "/year", expected, node.toString(), "the report year is not a whole number"));
            return null;
        }
        int year = node.intValue();
        if (year < first || year > current) {
            findings.add(Finding.error("YEAR", "/year", expected, node.toString(),
                    "reports are accepted for the years " + first + " to " + current));
            return null;
        }
        return year;
    }

    /**
     * The form named by formVersion, or the one in force for the year; null when neither says (the findings then
     * say why, and the cells cannot be judged against any form).
     */
    private static FormDefinition form(JsonNode node, Integer year, List<Finding> findings) {
        FormDefinition byYear = Optional.ofNullable(year).flatMap(Forms::forYear).orElse(null);
        if (node == null || node.isNull()) {
            return byYear;
        }
        Optional<FormDefinition> named = node.isTextual() ? Forms.byVersion(node.textValue()) : Optional.empty();
        List<String> known = Forms.all().stream().map(FormDefinition::version).toList();
        if (named.isEmpty()) {
            findings.add(Finding.error("FORM", "/formVersion", "one of " + known, node.toString(),
                    "unknown form version"));
            return byYear;
        }
        if (byYear != null && named.get() != byYear) {
            findings.add(Finding.error("FORM", "/formVersion", byYear.version(), node.textValue(),
                    "reports for " + year + " use the " + byYear.version() + " form"));
        }
        return named.get();
    }

    private static UnitFields unit(JsonNode node, List<Finding> findings) {
        if (node == null || node.isNull()) {
            findings.add(Finding.error("M", "/unit", "the reporting unit", null, "the unit is missing"));
            return null;
        }
        if (!node.isObject()) {
            findings.add(Finding.error("SCHEMA", "/unit", "an object with code and name", node.getNodeType().name(),
                    "the unit is not an object"));
            return null;
        }
        unknownFields(node, "/unit", UNIT_FIELDS, findings);
        String code = exact(string(node, "code", "/unit/code", 32, true, findings), node.get("code"), "/unit/code",
                findings);
        String name = string(node, "name", "/unit/name", 200, true, findings);
        if (name != null && !UNIT_NAME.matcher(name).matches()) {
            findings.add(Finding.error("SCHEMA", "/unit/name", "letters, digits, spaces and （）()·-、.",
                    abbreviate(name), "the unit name has characters no official name has"));
            name = null;
        }
        String parent = exact(string(node, "parentCode", "/unit/parentCode", 9, false, findings),
                node.get("parentCode"), "/unit/parentCode", findings);
        boolean parentBroken = node.hasNonNull("parentCode") && parent == null;
        return code == null || name == null || parentBroken ? null : new UnitFields(code, name, parent);
    }

    private static ObjectNode text(JsonNode node, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            findings.add(Finding.error("SCHEMA", "/text", "an object of report texts", node.getNodeType().name(),
                    "text is not an object"));
            return null;
        }
        unknownFields(node, "/text", TEXT_FIELDS, findings);
        ObjectNode text = StatisticsJson.NODES.objectNode();
        for (String field : TEXT_FIELDS.stream().sorted().toList()) {
            String value = string(node, field, "/text/" + field, MAX_TEXT_LENGTH, false, findings);
            if (value != null) {
                text.put(field, value);
            }
        }
        return text;
    }

    private static String string(JsonNode parent, String field, String pointer, int maxLength, boolean required,
            List<Finding> findings) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                findings.add(Finding.error("M", pointer, "a string", null, field + " is missing"));
            }
            return null;
        }
        if (!node.isTextual()) {
            findings.add(Finding.error("SCHEMA", pointer, "a string", node.toString(), field + " is not a string"));
            return null;
        }
        String value = node.textValue().strip();
        boolean empty = required && value.isEmpty();
        boolean tooLong = value.length() > maxLength;
        boolean control = !pointer.startsWith("/text/") && value.chars().anyMatch(Character::isISOControl);
        if (empty || tooLong || control) {
            findings.add(Finding.error("SCHEMA", pointer, "1 to " + maxLength + " printable characters",
                    abbreviate(node.textValue()), field + " is empty, too long or has control characters"));
            return null;
        }
        return value;
    }

    /** A code is taken as it is sent: "640402105 " is not 640402105. */
    private static String exact(String read, JsonNode sent, String pointer, List<Finding> findings) {
        if (read == null || read.equals(sent.textValue())) {
            return read;
        }
        findings.add(Finding.error("SCHEMA", pointer, read, abbreviate(sent.textValue()),
                "a code has no spaces around it"));
        return null;
    }

    private static void unknownFields(JsonNode document, FormDefinition form, List<Finding> findings) {
        Set<String> known = new java.util.HashSet<>(ENVELOPE_FIELDS);
        known.addAll(form.root().children().keySet());
        unknownFields(document, "", known, findings);
    }

    private static void unknownFields(JsonNode object, String pointer, Set<String> known, List<Finding> findings) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                findings.add(Finding.error("SCHEMA", pointer + "/" + escape(name), "one of " + known.stream().sorted().toList(),
                        abbreviate(name), "unknown field"));
            }
        }
    }

    private static void checkGroup(FormNode group, JsonNode node, List<Finding> findings) {
        if (node == null || node.isNull()) {
            findings.add(Finding.error("M", group.pointer(), "all cells of " + group.description(), null,
                    "missing: a blank is never zero; every cell must be given"));
            return;
        }
        if (!node.isObject()) {
            findings.add(Finding.error("SCHEMA", group.pointer(), "an object: " + group.description(),
                    abbreviate(node.toString()), "not an object"));
            return;
        }
        unknownFields(node, group.pointer(), group.children().keySet(), findings);
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            FormNode childNode = child.getValue();
            JsonNode value = node.get(child.getKey());
            if (childNode.isCell()) {
                checkCell(childNode.cell().orElseThrow(), value, findings);
            } else {
                checkGroup(childNode, value, findings);
            }
        }
    }

    private static void checkCell(Cell cell, JsonNode node, List<Finding> findings) {
        if (node == null || node.isNull()) {
            findings.add(Finding.error("M", cell.pointer(), expected(cell), null,
                    "missing cell " + cell.label() + ": a blank is never zero"));
            return;
        }
        if (cell.unitInReport()) {
            checkAmountWithUnit(cell, node, findings);
            return;
        }
        checkNumber(cell, node, cell.pointer(), java.util.function.UnaryOperator.identity(), findings);
    }

    /**
     * An amount whose unit the form leaves to the report: {"amount": 251000, "unit": "元"}. A missing unit is a
     * warning (the report is accepted; its amount cannot enter totals in 万元); the amount is checked as 万元.
     */
    private static void checkAmountWithUnit(Cell cell, JsonNode node, List<Finding> findings) {
        String pointer = cell.pointer();
        if (!node.isObject()) {
            findings.add(Finding.error("SCHEMA", pointer, "an object: amount and unit (元 or 万元)",
                    abbreviate(node.toString()), "an amount whose unit the form does not print is given with it: "
                            + cell.label()));
            return;
        }
        unknownFields(node, pointer, Set.of(StatisticsJson.AMOUNT, StatisticsJson.UNIT), findings);
        JsonNode amount = node.get(StatisticsJson.AMOUNT);
        if (amount == null || amount.isNull()) {
            findings.add(Finding.error("M", pointer + "/" + StatisticsJson.AMOUNT, expected(cell), null,
                    "missing amount " + cell.label() + ": a blank is never zero"));
            return;
        }
        JsonNode unit = node.get(StatisticsJson.UNIT);
        Optional<AmountUnit> known = unit != null && unit.isTextual() ? AmountUnit.of(unit.textValue()) : Optional.empty();
        if (unit == null || unit.isNull()) {
            findings.add(Finding.warning("UNIT", pointer + "/" + StatisticsJson.UNIT, "元 or 万元", null,
                    "the report does not say whether " + cell.label() + " is in 元 or 万元: the amount is kept as"
                            + " given and left out of totals"));
        } else if (known.isEmpty()) {
            findings.add(Finding.error("SCHEMA", pointer + "/" + StatisticsJson.UNIT, "元 or 万元",
                    abbreviate(unit.toString()), "unknown unit: " + cell.label()));
            return;
        }
        AmountUnit inWanYuan = known.orElse(AmountUnit.WAN_YUAN);
        checkNumber(cell, amount, pointer + "/" + StatisticsJson.AMOUNT, inWanYuan::toWanYuan, findings);
    }

    private static void checkNumber(Cell cell, JsonNode node, String pointer,
            java.util.function.UnaryOperator<BigDecimal> held, List<Finding> findings) {
        if (!node.isNumber()) {
            findings.add(Finding.error("R2.1", pointer, expected(cell), abbreviate(node.toString()),
                    "not a number (placeholders and units inside cells are not accepted): " + cell.label()));
            return;
        }
        BigDecimal value = held.apply(node.decimalValue());
        if (value.compareTo(cell.type().minValue()) < 0 || value.compareTo(cell.type().maxValue()) > 0) {
            findings.add(Finding.error("R2.1", pointer, expected(cell), abbreviate(node.toString()),
                    "out of range: " + cell.label()));
        } else if (value.scale() > cell.type().maxScale() && value.stripTrailingZeros().scale() > cell.type().maxScale()) {
            findings.add(Finding.error("R2.1", pointer, expected(cell), abbreviate(node.toString()),
                    (cell.type().maxScale() == 0 ? "a count must be a whole number: " : "too many decimal places: ")
                            + cell.label()));
        }
    }

    private static String expected(Cell cell) {
        return switch (cell.type()) {
            case COUNT, SIGNED_COUNT -> "a whole number from " + cell.type().minValue().toPlainString() + " to "
                    + cell.type().maxValue().toPlainString();
            case AMOUNT -> "a decimal number of 万元 from 0 to " + cell.type().maxValue().toPlainString()
                    + " with at most " + cell.type().maxScale() + " decimal places"
                    + (cell.unitInReport() ? " (元 with at most " + (cell.type().maxScale() - 4) + ")" : "");
        };
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    private record UnitFields(String code, String name, String parent) {
    }
}
