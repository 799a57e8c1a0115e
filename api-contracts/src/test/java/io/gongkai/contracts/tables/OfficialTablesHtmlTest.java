package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.PrintedGrid;
import io.gongkai.contracts.testing.ValidReports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialTablesHtmlTest {

    static final FormDefinition FORM = ValidReports.FORM;
    static final OffsetDateTime AS_OF = OffsetDateTime.parse("2024-02-01T09:30:00+08:00");
    static final FormDefinition TRIAL_FORM = ValidReports.FORM_2019;
    static final String DECREASE = "activeDisclosure.penalty.changeThisYear";
    static final String INCREASE = "activeDisclosure.otherServices.changeThisYear";
    static final String PROCUREMENT = "activeDisclosure.procurement.totalAmount";

    @Test
    void everyFigureOfARandomReportStandsUnderItsRowAndColumnHeadings() {
        for (int seed = 0; seed < 20; seed++) {
            CellValues values = ValidReports.random(new Random(seed), 1 + seed * 50);
            Document html = Jsoup.parse(OfficialTablesHtml.document(report("三营镇", values)));

            Map<String, String> printed = new HashMap<>();
            PrintedGrid.fromHtml(html).forEach(table -> printed.putAll(table.figuresByCell(FORM)));

            assertThat(printed).as("seed " + seed).hasSize(200);
            for (Cell cell : FORM.cells()) {
                assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(values.get(cell));
                assertThat(printed.get(cell.key())).isEqualTo(values.get(cell).stripTrailingZeros().toPlainString());
            }
        }
    }

    @Test
    void theTablesCarryTheOfficialCaptionsAndMergedHeadings() {
        Document html = Jsoup.parse(OfficialTablesHtml.document(report("三营镇", ValidReports.random(new Random(1), 5))));

        assertThat(html.select("table > caption").eachText()).containsExactly("二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
        assertThat(html.select("th:containsOwn(申请人情况)").attr("colspan")).isEqualTo("6");
        assertThat(html.select("th:containsOwn(法人或其他组织)").attr("colspan")).isEqualTo("5");
        assertThat(html.select("th:containsOwn(三、本年度办理结果)").attr("rowspan")).isEqualTo("22");
        assertThat(html.select("th:containsOwn(行政诉讼)").attr("colspan")).isEqualTo("10");
        assertThat(html.select("th:containsOwn(第二十条第（一）项)").attr("colspan")).isEqualTo("4");
        assertThat(html.select("td")).hasSize(200);
        assertThat(html.select("thead")).as("表三 and 表四 repeat their headings on each printed page").hasSize(2);
    }

    @Test
    void theFeeIsPrintedToItsLastDecimalAndAMissingCellBlank() {
        CellValues.Builder values = CellValues.builder(FORM);
        FORM.cells().forEach(cell -> values.set(cell, BigDecimal.ONE));
        values.set("activeDisclosure.fees.amountWanYuan", new BigDecimal("123456789012.123456"));
        values.set("reviewLitigation.review.upheld", null);
        Document html = Jsoup.parse(OfficialTablesHtml.document(report("三营镇", values.build())));

        Map<String, String> printed = new HashMap<>();
        PrintedGrid.fromHtml(html).forEach(table -> printed.putAll(table.figuresByCell(FORM)));
        assertThat(printed.get("activeDisclosure.fees.amountWanYuan")).isEqualTo("123456789012.123456");
        assertThat(printed.get("reviewLitigation.review.upheld")).isEmpty();
        assertThat(printed.get("reviewLitigation.review.total")).isEqualTo("1");
    }

    @Test
    void everyFigureOfARandomTrialFormReportStandsOnceUnderItsHeadingsAChangeWithItsSign() {
        for (int seed = 0; seed < 10; seed++) {
            CellValues values = trialReport(seed);
            Document html = Jsoup.parse(OfficialTablesHtml.document(report("三营镇", 2020, values)));

            Map<String, String> printed = new HashMap<>();
            PrintedGrid.fromHtml(html).forEach(table -> printed.putAll(table.figuresByCell(TRIAL_FORM)));

            assertThat(printed).as("seed " + seed).hasSize(198);
            assertThat(html.select("td")).hasSize(198);
            for (Cell cell : TRIAL_FORM.cells()) {
                BigDecimal value = values.get(cell);
                assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(value);
                String digits = value.stripTrailingZeros().toPlainString();
                assertThat(printed.get(cell.key())).as(cell.key()).isEqualTo(
                        cell.type() == CellType.SIGNED_COUNT && value.signum() > 0 ? "+" + digits : digits);
            }
            assertThat(printed.get(DECREASE)).isEqualTo("-8");
            assertThat(printed.get(INCREASE)).isEqualTo("+1036");
            assertThat(printed.get(PROCUREMENT)).as("in 万元, to the last digit").isEqualTo("123456789012.123456");
        }
    }

    @Test
    void aTrialFormReportIsPrintedUnderTheTrialFormsCaptions() {
        Document html = Jsoup.parse(OfficialTablesHtml.document(report("三营镇", 2020, trialReport(1))));

        assertThat(html.select("table > caption").eachText()).containsExactly("二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
        assertThat(html.select("th").eachText()).contains("第二十条第（一）项", "规章", "规范性文件", "本年新制作数量",
                "本年新公开数量", "对外公开总数量", "第二十条第（五）项", "行政许可", "其他对外管理服务事项", "上一年项目数量", "本年增/减",
                "处理决定数量", "第二十条第（六）项", "行政处罚", "行政强制", "第二十条第（八）项", "行政事业性收费", "第二十条第（九）项",
                "政府集中采购", "采购项目数量", "采购总金额（单位：万元）", "（六）其他处理", "申请人情况", "行政复议")
                .doesNotContain("行政规范性文件", "本年制发件数", "现行有效件数", "本年收费金额（单位：万元）",
                        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
        assertThat(html.select("th:containsOwn(第二十条第（九）项)").attr("colspan")).isEqualTo("4");
        assertThat(html.select("th:containsOwn(三、本年度办理结果)").attr("rowspan")).isEqualTo("20");
        assertThat(html.selectFirst("h1").text()).isEqualTo("三营镇 2020年政府信息公开工作年度报告");
        assertThat(html.select("header p").eachText()).contains(TRIAL_FORM.title());
    }

    @Test
    void aHostileUnitNameIsPrintedAsTextNeverAsMarkup() {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;\u0000\u202E镇";
        String document = OfficialTablesHtml.document(report(hostile, CellValues.zero(FORM)));
        Document html = Jsoup.parse(document);

        assertThat(html.select("script, img, [onerror]")).isEmpty();
        assertThat(html.selectFirst("h1").text()).isEqualTo(
                "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;镇 2023年政府信息公开工作年度报告");
        assertThat(html.title()).startsWith("<script>");
        assertThat(document).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp;amp;")
                .doesNotContain("\u0000").doesNotContain("\u202E");
    }

    @Test
    void theDocumentPrintsOnA4WithChineseFontsAndAPageBreakBetweenTables() {
        String document = OfficialTablesHtml.document(report("三营镇", CellValues.zero(FORM)));
        Document html = Jsoup.parse(document);

        assertThat(document).startsWith("<!DOCTYPE html>");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        String style = html.selectFirst("style").data();
        assertThat(style).contains("@page { size: A4;").contains("\"Noto Sans CJK SC\"").contains("\"Microsoft YaHei\"")
                .contains("sans-serif").contains("break-before: page").contains("@media print")
                .contains("td { text-align: right;");
        assertThat(html.select("header p").eachText()).anySatisfy(line -> assertThat(line)
                .contains("640402100").contains("第 2 版").contains("2024-02-01 09:30:00"));
        assertThat(html.select("section")).hasSize(3);
    }

    @Test
    void renderingIsLinearInTheCells() {
        CellValues values = ValidReports.random(new Random(7), 1000);
        OfficialTablesHtml.document(report("三营镇", values));
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < 200; i++) {
            bytes = OfficialTablesHtml.document(report("三营镇", values)).getBytes(StandardCharsets.UTF_8).length;
        }
        long micros = (System.nanoTime() - start) / 1000 / 200;
        assertThat(bytes).isBetween(5_000, 40_000);
        assertThat(micros).as("microseconds per document").isLessThan(20_000);
    }

    static PrintedReport report(String name, CellValues values) {
        return report(name, 2023, values);
    }

    static PrintedReport report(String name, int year, CellValues values) {
        return new PrintedReport(name, "640402100", year, "第 2 版", AS_OF, values);
    }

    /** A random valid report in the 2019 form, with a decrease, an increase and a procurement of many digits. */
    static CellValues trialReport(int seed) {
        return ValidReports.random(TRIAL_FORM, new Random(seed), 1 + seed * 50).toBuilder().set(DECREASE, new BigDecimal("-8")).set(INCREASE, new BigDecimal("1036"))
                .set(PROCUREMENT, new BigDecimal("123456789012.123456")).build();
    }

}
