package io.gongkai.contracts.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Adds the schemas of the statistics to an OpenAPI document, derived from the form definition: every cell
 * becomes a property described with its official label, every group an object. Both services register it
 * ({@code mp.openapi.filter}); the API classes refer to the schemas by name.
 */
public class FormSchemaFilter implements OASFilter {

    /** The statistics of one report or total: the form's sections, without the unit and text. */
    public static final String STATISTICS = "Statistics2021";
    /** A unit's yearly report as other systems send it. */
    public static final String SUBMISSION = "Submission";
    public static final String UNIT_REFERENCE = "UnitReference";
    public static final String REPORT_TEXT = "ReportText";

    static final String EXAMPLE = "/examples/sanying-township-2023.json";
    /** A division code, or a department's: its government's division code, '-', an upper-case local code. */
    private static final String UNIT_CODE_PATTERN = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9})(-[0-9A-Z]([0-9A-Z-]*[0-9A-Z])?)?$";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        FormDefinition form = Forms.require("2021");
        for (FormNode section : form.root().children().values()) {
            components.addSchema(sectionName(section, form), group(section));
        }
        components.addSchema(STATISTICS, statistics(form));
        components.addSchema(UNIT_REFERENCE, unitReference());
        components.addSchema(REPORT_TEXT, reportText());
        components.addSchema(SUBMISSION, submission(form));
    }

    private static Schema statistics(FormDefinition form) {
        Schema schema = object(form.title() + "的统计数据：表二、表三、表四，按单元格键嵌套。");
        for (FormNode section : form.root().children().values()) {
            schema.addProperty(section.name(), ref(sectionName(section, form)));
            schema.addRequired(section.name());
        }
        return schema;
    }

    private static Schema submission(FormDefinition form) {
        Schema schema = object("一个报送单位一年的" + form.title() + "。"
                + "统计数据按单元格键嵌套；空白不等于零，每个单元格都必须给出。");
        schema.addProperty("unit", ref(UNIT_REFERENCE));
        schema.addProperty("year", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(2021)).description("报告年度（统计 1 月 1 日至 12 月 31 日）"));
        schema.addProperty("formVersion", OASFactory.createSchema().addType(SchemaType.STRING)
                .enumeration(Forms.all().stream().<Object>map(FormDefinition::version).toList())
                .description("报告格式版本；缺省时按报告年度确定（2021 年起为 2021 格式）"));
        for (FormNode section : form.root().children().values()) {
            schema.addProperty(section.name(), ref(sectionName(section, form)));
        }
        schema.addProperty("text", ref(REPORT_TEXT));
        schema.setRequired(List.of("unit", "year", "activeDisclosure", "applications", "reviewLitigation"));
        schema.setExample(example());
        return schema;
    }

    private static Schema unitReference() {
        Schema schema = object("报送单位：行政区划代码（省 2 位、市 4 位、县 6 位、乡镇街道 9 位），"
                + "或部门代码：所属政府的区划代码、连字符、部门本地代码（大写字母和数字，如统一社会信用代码），"
                + "例如 640402-GAJ，并在 parentCode 中给出所属政府的区划代码。");
        schema.addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING).maxLength(32)
                .pattern(UNIT_CODE_PATTERN).description("单位代码"));
        schema.addProperty("name", OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(200)
                .description("单位名称，应包含区划表中的登记名称"));
        schema.addProperty("parentCode", OASFactory.createSchema().addType(SchemaType.STRING)
                .addType(SchemaType.NULL).pattern("^(\\d{2}|\\d{4}|\\d{6}|\\d{9})$")
                .description("部门所属政府的区划代码；区划单位为 null"));
        schema.setRequired(List.of("code", "name"));
        return schema;
    }

    private static Schema reportText() {
        Schema schema = object("报告正文（可选）");
        schema.addProperty("overview", text("一、总体情况"));
        schema.addProperty("problemsAndImprovements", text("五、存在的主要问题及改进情况"));
        schema.addProperty("otherMatters", text("六、其他需要报告的事项"));
        return schema;
    }

    private static Schema text(String heading) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(100_000).description(heading);
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
        Schema schema = OASFactory.createSchema().description(cell.label()).minimum(cell.type().minValue())
                .maximum(cell.type().maxValue());
        return switch (cell.type()) {
            case COUNT, SIGNED_COUNT -> schema.addType(SchemaType.INTEGER).format("int64");
            case AMOUNT -> schema.addType(SchemaType.NUMBER).multipleOf(BigDecimal.ONE.movePointLeft(cell.type().maxScale()));
        };
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description)
                .additionalPropertiesBoolean(Boolean.FALSE);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static String sectionName(FormNode section, FormDefinition form) {
        return Character.toUpperCase(section.name().charAt(0)) + section.name().substring(1) + form.version();
    }

    private static Object example() {
        try (InputStream in = FormSchemaFilter.class.getResourceAsStream(EXAMPLE)) {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
