package io.gongkai.contracts.openapi;

import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds the schemas of the statistics to an OpenAPI document, derived from the form definitions: per form a
 * {@code Statistics{version}} and a {@code Submission{version}} schema (see {@link StatisticsSchemas}), and the
 * schemas the API classes refer to by name, which accept every form. Both services register it
 * ({@code mp.openapi.filter}).
 */
public class FormSchemaFilter implements OASFilter {

    /** The statistics of one report or total in any form: the form's sections, without the unit and text. */
    public static final String STATISTICS = "Statistics";
    /** A unit's yearly report in any form, as other systems send it. */
    public static final String SUBMISSION = "Submission";
    public static final String UNIT_REFERENCE = "UnitReference";
    public static final String REPORT_TEXT = "ReportText";

    /** A division code, or a department's: its government's division code, '-', an upper-case local code. */
    private static final String UNIT_CODE_PATTERN = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9})(-[0-9A-Z]([0-9A-Z-]*[0-9A-Z])?)?$";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        schemas().forEach(components::addSchema);
    }

    /** Every schema this filter adds, by name: what the form definitions say, and nothing the services declare. */
    public static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        List<FormDefinition> newestFirst = Forms.all().stream()
                .sorted(Comparator.comparingInt(FormDefinition::firstReportYear).reversed()).toList();
        for (FormDefinition form : newestFirst) {
            StatisticsSchemas statistics = new StatisticsSchemas(form);
            schemas.putAll(statistics.sections());
            schemas.put(statistics.name(), statistics.statistics());
            schemas.put(submissionName(form), submission(form, statistics));
        }
        schemas.put(STATISTICS, oneOf("一份报告或汇总的统计数据，按其报告格式（" + versions(newestFirst) + "）。",
                newestFirst.stream().map(StatisticsSchemas::name).toList()));
        schemas.put(UNIT_REFERENCE, unitReference());
        schemas.put(REPORT_TEXT, reportText());
        schemas.put(SUBMISSION, oneOf("一个报送单位一年的政府信息公开工作年度报告，按报告格式（" + versions(newestFirst)
                + "）；" + defaultByYear() + "。", newestFirst.stream().map(FormSchemaFilter::submissionName).toList()));
        return schemas;
    }

    private static Schema submission(FormDefinition form, StatisticsSchemas statistics) {
        Schema schema = StatisticsSchemas.object("一个报送单位一年的" + form.title() + "。"
                + "统计数据按单元格键嵌套；空白不等于零，每个单元格都必须给出。");
        schema.addProperty("unit", ref(UNIT_REFERENCE));
        Schema year = OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(form.firstReportYear()))
                .description("报告年度（统计 1 月 1 日至 12 月 31 日）");
        Forms.lastReportYear(form).ifPresent(last -> year.maximum(BigDecimal.valueOf(last)));
        schema.addProperty("year", year);
        schema.addProperty("formVersion", OASFactory.createSchema().addType(SchemaType.STRING)
                .enumeration(List.of(form.version()))
                .description("报告格式版本；缺省时按报告年度确定（" + defaultByYear() + "）"));
        statistics.sectionProperties().forEach(schema::addProperty);
        schema.addProperty("text", ref(REPORT_TEXT));
        schema.setRequired(List.of("unit", "year", "activeDisclosure", "applications", "reviewLitigation"));
        Examples.submission(form).ifPresent(schema::setExample);
        return schema;
    }

    /** Which form a report year uses by default, from the definitions: "2019–2020 年为 2019 格式，2021 年起为 2021 格式". */
    private static String defaultByYear() {
        return Forms.all().stream().sorted(Comparator.comparingInt(FormDefinition::firstReportYear))
                .map(form -> Forms.lastReportYear(form)
                        .map(last -> form.firstReportYear() + "–" + last + " 年为 " + form.version() + " 格式")
                        .orElse(form.firstReportYear() + " 年起为 " + form.version() + " 格式"))
                .collect(Collectors.joining("，"));
    }

    private static String versions(List<FormDefinition> forms) {
        return forms.stream().map(FormDefinition::version).collect(Collectors.joining("、"));
    }

    private static String submissionName(FormDefinition form) {
        return SUBMISSION + form.version();
    }

    private static Schema oneOf(String description, List<String> names) {
        return OASFactory.createSchema().description(description)
                .oneOf(names.stream().map(FormSchemaFilter::ref).toList());
    }

    private static Schema unitReference() {
        Schema schema = StatisticsSchemas.object("报送单位：行政区划代码（省 2 位、市 4 位、县 6 位、乡镇街道 9 位），"
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
        Schema schema = StatisticsSchemas.object("报告正文（可选）");
        schema.addProperty("overview", text("一、总体情况"));
        schema.addProperty("problemsAndImprovements", text("五、存在的主要问题及改进情况"));
        schema.addProperty("otherMatters", text("六、其他需要报告的事项"));
        return schema;
    }

    private static Schema text(String heading) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(100_000).description(heading);
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
