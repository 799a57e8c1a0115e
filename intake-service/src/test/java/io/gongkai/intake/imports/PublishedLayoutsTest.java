package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.Reports;
import io.gongkai.intake.imports.PrintedDocument.Table;
import io.gongkai.intake.imports.PublishedLayouts.Layout;
import io.gongkai.intake.imports.PublishedLayouts.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderers print what real publications print, so that the round trip tests the reader and not them. */
class PublishedLayoutsTest {

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w-]+)", Pattern.CASE_INSENSITIVE);

    @Test
    void theFlattenedTablesOfThePingtan2022ReportAreTheCrawlersCopySpacesAside() throws IOException {
        assertFlattenedTablesMatch("pingtan-2022", FormTables.Style.OFFICIAL);
    }

    @Test
    void theFlattenedTablesOfTheJunshanReportWithItsLabelVariantsAreTheCrawlersCopySpacesAside() throws IOException {
        assertFlattenedTablesMatch("pingtan-junshanpq-2024", new FormTables.Style(false, false, Map.of(
                "其他法律行政法规禁止公开", "其他法律和行政法规禁止公开",
                "行政机关不再处理其政府信息公开申请", "行政机关不再受理其政府信息公开申请")));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aSeedGivesTheSameDocumentEveryTime(Layout layout) {
        for (long seed = 0; seed < 20; seed++) {
            Rendered first = PublishedLayouts.render(layout, seed);
            Rendered second = PublishedLayouts.render(layout, seed);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.contentType()).isEqualTo(first.contentType());
        }
    }

    @Test
    void eachTabSeparatedRowOfTableThreeEndsInItsSevenFiguresAndTheBlankReviewLeavesFiveEmptyCells() {
        CellValues values = ValidReports.random(new Random(7), 300);
        Map<String, String> blankReview = Forms.require("2021").cells().stream()
                .filter(cell -> cell.key().startsWith("reviewLitigation.review."))
                .collect(Collectors.toMap(Cell::key, cell -> ""));
        PrintedReport report = new PrintedReport("原州区三营镇", 2023, values, Set.of(PrintedReport.Variant.BLANK_REVIEW),
                blankReview, PrintedReport.Figures.PLAIN);
        FormTables tables = new FormTables(report, FormTables.Style.OFFICIAL);

        List<List<String>> applications = TabsLayout.grid(tables.applications());
        List<Cell> cells = Forms.require("2021").cells().stream().filter(cell -> cell.table().equals("三")).toList();
        assertThat(applications).hasSize(3 + cells.size() / 7);
        for (int row = 0; row < cells.size() / 7; row++) {
            List<String> line = applications.get(3 + row);
            assertThat(line).hasSize(10);
            assertThat(line.subList(3, 10)).containsExactlyElementsOf(cells.subList(row * 7, row * 7 + 7).stream()
                    .map(cell -> values.get(cell).toPlainString()).toList());
        }
        List<String> figures = TabsLayout.grid(tables.reviewLitigation()).get(3);
        assertThat(figures.subList(0, 5)).containsOnly("");
        assertThat(figures.subList(5, 15)).containsExactlyElementsOf(Forms.require("2021").cells().stream()
                .filter(cell -> cell.key().startsWith("reviewLitigation.litigation"))
                .map(cell -> values.get(cell).toPlainString()).toList());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void a2019FormSeedGivesTheSameDocumentEveryTimeInThatFormsLabels(Layout layout) {
        for (long seed = 0; seed < 10; seed++) {
            Rendered first = PublishedLayouts.render(ValidReports.FORM_2019, 2020, layout, seed);
            Rendered second = PublishedLayouts.render(ValidReports.FORM_2019, 2020, layout, seed);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(first.text()).contains("2020年政府信息公开工作年度报告", "对外公开总数量", "政府集中采购")
                    .doesNotContain("现行有效件数", "逾期不补正");
        }
    }

    @Test
    void theTablesOfA2019ReportPrintItsRowsAndColumnsWithOtherProcessingAsOneRow() {
        CellValues values = ValidReports.random(ValidReports.FORM_2019, new Random(8), 300);
        PrintedReport report = PrintedReport.of("原州区三营镇", 2020, values);
        FormTables tables = new FormTables(report, FormTables.Style.OFFICIAL);

        List<List<String>> disclosure = TabsLayout.grid(tables.activeDisclosure());
        assertThat(disclosure).anySatisfy(line -> assertThat(line).startsWith("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"));
        assertThat(disclosure).anySatisfy(line -> assertThat(line).startsWith("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"));
        assertThat(disclosure).anySatisfy(line -> assertThat(line).startsWith("信息内容", "采购项目数量", "采购总金额（万元）"));
        List<List<String>> applications = TabsLayout.grid(tables.applications());
        List<Cell> cells = ValidReports.FORM_2019.cells().stream().filter(cell -> cell.table().equals("三")).toList();
        assertThat(applications).hasSize(3 + cells.size() / 7).hasSize(3 + 23);
        List<String> other = applications.stream().filter(line -> line.contains("（六）其他处理")).findFirst().orElseThrow();
        assertThat(other.subList(3, 10)).containsExactlyElementsOf(cells.stream()
                .filter(cell -> cell.key().startsWith("applications.results.other."))
                .map(cell -> values.get(cell).toPlainString()).toList());
    }

    @Test
    void anHtmlPageDecodesInTheCharsetItDeclares() {
        for (long seed = 0; seed < 40; seed++) {
            Rendered page = PublishedLayouts.render(Layout.HTML, seed);
            Matcher declared = CHARSET.matcher(page.contentType());
            if (!declared.find()) {
                declared = CHARSET.matcher(new String(page.body(), 0, 600, Charset.forName("ISO-8859-1")));
                assertThat(declared.find()).as("a meta charset").isTrue();
            }
            String charset = declared.group(1).equalsIgnoreCase("gb2312") ? "GB18030" : declared.group(1);
            assertThat(new String(page.body(), Charset.forName(charset))).isEqualTo(page.text());
        }
    }

    /**
     * Tables 二, 三 and 四 of a sample's submission, flattened, are the crawler's copy of them once every space is
     * taken out of both (the crawler kept some spaces between cells and not others).
     */
    private static void assertFlattenedTablesMatch(String sample, FormTables.Style style) throws IOException {
        JsonNode expected = Reports.JSON.readTree(text("/imports/" + sample + "/expected.json"));
        CellValues values = StatisticsJson.read(Forms.require("2021"), expected);
        PrintedReport report = PrintedReport.of(expected.at("/unit/name").asText(), expected.get("year").asInt(), values);
        FormTables tables = new FormTables(report, style);
        String page = unspaced(text("/imports/" + sample + "/page.txt"));

        assertThat(page).contains(flattened(report, tables.activeDisclosure()));
        assertThat(page).contains(flattened(report, tables.applications()));
        assertThat(page).contains(flattened(report, tables.reviewLitigation()));
    }

    private static String flattened(PrintedReport report, Table table) {
        String text = FlatLayout.render(report, new PrintedDocument("", List.of(table)), new Random(1), false);
        return unspaced(text.substring(text.indexOf("正文") + "正文".length()).replace("=", ""));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = PublishedLayoutsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String unspaced(String text) {
        return text.replaceAll("\\s+", "");
    }
}
