package io.gongkai.contracts.openapi;

import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.StatisticsJson;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of one form's statistics: {@code Statistics{version}} and one schema per section
 * ({@code ActiveDisclosure2019}, ...). Every group of cells is an object, every cell a property described with its
 * official label and bounded by its type; an amount whose unit the report gives is an object of amount and unit.
 */
final class StatisticsSchemas {

    private final FormDefinition form;

    StatisticsSchemas(FormDefinition form) {
        this.form = form;
    }

    String name() {
        return name(form);
    }

    static String name(FormDefinition form) {
        return "Statistics" + form.version();
    }

    /** The schema of each section, by name. */
    Map<String, Schema> sections() {
        Map<String, Schema> sections = new LinkedHashMap<>();
        for (FormNode section : form.root().children().values()) {
            sections.put(sectionName(section), group(section));
        }
        return sections;
    }

    /** The sections as properties of a report or total: a reference to each section's schema. */
    Map<String, Schema> sectionProperties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (FormNode section : form.root().children().values()) {
            properties.put(section.name(), FormSchemaFilter.ref(sectionName(section)));
        }
        return properties;
    }

    Schema statistics() {
        Schema schema = object(form.title() + "的统计数据：表二、表三、表四，按单元格键嵌套。");
        sectionProperties().forEach((name, section) -> {
            schema.addProperty(name, section);
            schema.addRequired(name);
        });
        return schema;
    }

    private String sectionName(FormNode section) {
        return Character.toUpperCase(section.name().charAt(0)) + section.name().substring(1) + form.version();
    }

    private static Schema group(FormNode node) {
        Schema schema = object(node.description());
        for (Map.Entry<String, FormNode> child : node.children().entrySet()) {
            FormNode value = child.getValue();
            schema.addProperty(child.getKey(), value.isCell() ? cell(value.cell().orElseThrow()) : group(value));
            schema.addRequired(child.getKey());
        }
        return schema;
    }

    private static Schema cell(Cell cell) {
        if (cell.unitInReport()) {
            return amountWithUnit(cell);
        }
        Schema schema = OASFactory.createSchema().description(cell.label()).minimum(cell.type().minValue())
                .maximum(cell.type().maxValue());
        return switch (cell.type()) {
            case COUNT, SIGNED_COUNT -> schema.addType(SchemaType.INTEGER).format("int64");
            case AMOUNT -> schema.addType(SchemaType.NUMBER).multipleOf(smallestStep(cell.type()));
        };
    }

    /** {"amount": 251000, "unit": "元"}: the form prints no unit, the report says which; without one it is a warning. */
    private static Schema amountWithUnit(Cell cell) {
        Schema schema = object(cell.label() + "：金额及报告所用单位（元或万元）；未给出单位时记警告，金额不计入汇总");
        schema.addProperty(StatisticsJson.AMOUNT, OASFactory.createSchema().addType(SchemaType.NUMBER)
                .minimum(cell.type().minValue()).multipleOf(smallestStep(cell.type()))
                .description("金额，单位见 unit"));
        schema.addProperty(StatisticsJson.UNIT, OASFactory.createSchema().addType(SchemaType.STRING)
                .enumeration(Arrays.stream(AmountUnit.values()).<Object>map(AmountUnit::label).toList())
                .description("金额的单位"));
        schema.setRequired(List.of(StatisticsJson.AMOUNT));
        return schema;
    }

    private static BigDecimal smallestStep(CellType type) {
        return BigDecimal.ONE.movePointLeft(type.maxScale());
    }

    static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description)
                .additionalPropertiesBoolean(Boolean.FALSE);
    }
}
