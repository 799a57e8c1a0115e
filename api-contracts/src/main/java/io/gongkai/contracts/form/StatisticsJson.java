package io.gongkai.contracts.form;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Converts between the nested JSON a submission or a total carries (one object per group, one number per cell,
 * following the cell keys) and {@link CellValues}. Numbers are read and written as exact decimals. A cell whose
 * unit the report gives ({@link Cell#unitInReport()}) is an object, {"amount": 251000, "unit": "元"}, held in 万元.
 */
public final class StatisticsJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    public static final String AMOUNT = "amount";
    public static final String UNIT = "unit";

    /** Whole numbers of up to 18 digits fit a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private StatisticsJson() {
    }

    /**
     * Reads the cells of a form from a JSON object holding its sections. A cell that is absent or not a number, or
     * an amount without its unit, stays absent; structure validation reports it.
     */
    public static CellValues read(FormDefinition form, JsonNode document) {
        CellValues.Builder values = CellValues.builder(form);
        readGroup(form.root(), document, values);
        return values.build();
    }

    private static void readGroup(FormNode group, JsonNode node, CellValues.Builder values) {
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            JsonNode value = node.get(child.getKey());
            if (value == null) {
                continue;
            }
            FormNode childNode = child.getValue();
            if (childNode.isCell()) {
                Cell cell = childNode.cell().orElseThrow();
                if (cell.unitInReport()) {
                    amountInWanYuan(value).ifPresent(amount -> values.set(cell, amount));
                } else if (value.isNumber()) {
                    values.set(cell, value.decimalValue());
                }
            } else if (value.isObject()) {
                readGroup(childNode, value, values);
            }
        }
    }

    /** An amount given with its unit, in 万元; empty when either is missing or unreadable. */
    public static java.util.Optional<BigDecimal> amountInWanYuan(JsonNode value) {
        JsonNode amount = value.get(AMOUNT);
        JsonNode unit = value.get(UNIT);
        if (amount == null || !amount.isNumber() || unit == null || !unit.isTextual()) {
            return java.util.Optional.empty();
        }
        return AmountUnit.of(unit.textValue()).map(u -> u.toWanYuan(amount.decimalValue()));
    }

    /**
     * An amount with its unit as the report gave it, in canonical form: {"amount": 251000, "unit": "元"}, the unit only
     * when given; empty when the amount is not a number or the unit is not one of {@link AmountUnit}. This is what a
     * stored report keeps; {@link CellValues} hold the amount in 万元.
     */
    public static java.util.Optional<ObjectNode> statedAmount(JsonNode value) {
        JsonNode amount = value == null ? null : value.get(AMOUNT);
        if (amount == null || !amount.isNumber()) {
            return java.util.Optional.empty();
        }
        JsonNode unit = value.get(UNIT);
        if (unit != null && !unit.isNull() && (!unit.isTextual() || AmountUnit.of(unit.textValue()).isEmpty())) {
            return java.util.Optional.empty();
        }
        ObjectNode stated = NODES.objectNode();
        stated.set(AMOUNT, number(amount.decimalValue()));
        if (unit != null && !unit.isNull()) {
            stated.put(UNIT, unit.textValue());
        }
        return java.util.Optional.of(stated);
    }

    /** The sections of the form as nested JSON objects, ready to be put into a submission or a total. */
    public static ObjectNode write(CellValues values) {
        ObjectNode root = NODES.objectNode();
        writeGroup(values, values.form().root(), root);
        return root;
    }

    private static void writeGroup(CellValues values, FormNode group, ObjectNode target) {
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            FormNode node = child.getValue();
            if (node.isCell()) {
                Cell cell = node.cell().orElseThrow();
                JsonNode number = number(values.get(cell));
                if (cell.unitInReport()) {
                    ObjectNode amount = target.putObject(child.getKey());
                    amount.set(AMOUNT, number);
                    amount.put(UNIT, AmountUnit.WAN_YUAN.label());
                } else {
                    target.set(child.getKey(), number);
                }
            } else {
                writeGroup(values, node, target.putObject(child.getKey()));
            }
        }
    }

    /**
     * Writes the sections as fields of the object the generator is in, as {@link #write(CellValues)} builds them,
     * without building the tree. Numbers come out in plain notation when the generator has
     * {@code WRITE_BIGDECIMAL_AS_PLAIN}.
     */
    public static void write(CellValues values, JsonGenerator generator) throws IOException {
        writeGroup(values, Map.of(), values.form().root(), generator);
    }

    /**
     * As {@link #write(CellValues, JsonGenerator)}, with the amounts whose unit the report gives written as the report
     * gave them ({@link #statedAmount}), by cell key.
     */
    public static void write(CellValues values, Map<String, ? extends JsonNode> statedAmounts, JsonGenerator generator)
            throws IOException {
        writeGroup(values, statedAmounts, values.form().root(), generator);
    }

    private static void writeGroup(CellValues values, Map<String, ? extends JsonNode> statedAmounts, FormNode group,
            JsonGenerator generator) throws IOException {
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            FormNode node = child.getValue();
            generator.writeFieldName(child.getKey());
            if (node.isCell()) {
                Cell cell = node.cell().orElseThrow();
                if (statedAmounts.containsKey(cell.key())) {
                    generator.writeTree(statedAmounts.get(cell.key()));
                } else if (cell.unitInReport()) {
                    generator.writeStartObject();
                    generator.writeFieldName(AMOUNT);
                    writeNumber(values.get(cell), generator);
                    generator.writeStringField(UNIT, AmountUnit.WAN_YUAN.label());
                    generator.writeEndObject();
                } else {
                    writeNumber(values.get(cell), generator);
                }
            } else {
                generator.writeStartObject();
                writeGroup(values, statedAmounts, node, generator);
                generator.writeEndObject();
            }
        }
    }

    private static void writeNumber(BigDecimal value, JsonGenerator generator) throws IOException {
        BigDecimal canonical = value.stripTrailingZeros();
        if (canonical.scale() <= 0 && canonical.precision() - canonical.scale() <= MAX_LONG_DIGITS) {
            generator.writeNumber(canonical.longValueExact());
        } else if (canonical.scale() <= 0) {
            generator.writeNumber(canonical.toBigIntegerExact());
        } else {
            generator.writeNumber(canonical);
        }
    }

    /** Integers as JSON integers, amounts without trailing zeros, never in exponent notation. */
    public static JsonNode number(BigDecimal value) {
        BigDecimal canonical = value.stripTrailingZeros();
        if (canonical.scale() <= 0) {
            return NODES.numberNode(canonical.toBigIntegerExact());
        }
        return NODES.numberNode(canonical);
    }
}
