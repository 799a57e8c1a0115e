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
 * following the cell keys) and {@link CellValues}. Numbers are read and written as exact decimals.
 */
public final class StatisticsJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Whole numbers of up to 18 digits fit a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private StatisticsJson() {
    }

    /**
     * Reads the cells of a form from a JSON object holding its sections. A cell that is absent or not a number
     * stays absent; structure validation reports it.
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
                if (value.isNumber()) {
                    values.set(childNode.cell().orElseThrow(), value.decimalValue());
                }
            } else if (value.isObject()) {
                readGroup(childNode, value, values);
            }
        }
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
                target.set(child.getKey(), number(values.get(node.cell().orElseThrow())));
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
        writeGroup(values, values.form().root(), generator);
    }

    private static void writeGroup(CellValues values, FormNode group, JsonGenerator generator) throws IOException {
        for (Map.Entry<String, FormNode> child : group.children().entrySet()) {
            FormNode node = child.getValue();
            generator.writeFieldName(child.getKey());
            if (node.isCell()) {
                BigDecimal canonical = values.get(node.cell().orElseThrow()).stripTrailingZeros();
                if (canonical.scale() <= 0 && canonical.precision() - canonical.scale() <= MAX_LONG_DIGITS) {
                    generator.writeNumber(canonical.longValueExact());
                } else if (canonical.scale() <= 0) {
                    generator.writeNumber(canonical.toBigIntegerExact());
                } else {
                    generator.writeNumber(canonical);
                }
            } else {
                generator.writeStartObject();
                writeGroup(values, node, generator);
                generator.writeEndObject();
            }
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
