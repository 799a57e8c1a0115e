package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.tables.OfficialTablesXlsx;
import io.gongkai.contracts.tables.Representation;
import io.gongkai.contracts.testing.PrintedGrid;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.contracts.testing.WorkbookXml;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A unit's report as the official tables, in HTML and XLSX, beside the JSON: two versions of 隆德县城关镇 (640423100)
 * for 2024, and a 2020 report of 隆德县沙塘镇 (640423101) in the 2019 form. No other test uses 640423.
 */
@QuarkusTest
class ReportTablesTest {

    static final String UNIT = "640423100";
    static final String NAME = "隆德县城关镇";
    static final int YEAR = 2024;
    static final String VERSION = "/api/v1/submissions/{unit}/{year}/versions/{version}";
    static final String CURRENT = "/api/v1/submissions/{unit}/{year}";
    static final String TRIAL_UNIT = "640423101";
    static final String TRIAL_NAME = "隆德县沙塘镇";
    static final int TRIAL_YEAR = 2020;

    static CellValues first;
    static CellValues second;

    @BeforeEach
    void submitTwoVersionsOnce() {
        if (first != null) {
            return;
        }
        Random random = new Random(640423);
        CellValues one = withFee(ValidReports.random(random, 40), "5949.088667");
        CellValues two = withFee(ValidReports.random(random, 40), "123456.000001");
        submit(one, 201);
        submit(two, 201);
        first = one;
        second = two;
    }

    @Test
    void jsonStaysTheDefault() {
        for (String accept : List.of("*/*", "application/json")) {
            Api.auditor().accept(accept).when().get(VERSION, UNIT, YEAR, 1).then().statusCode(200)
                    .contentType("application/json").header("Vary", "Accept").header("ETag", containsString("-json"))
                    .body("version", equalTo(1)).body("unitCode", equalTo(UNIT));
        }
        Api.reader().when().get(CURRENT, UNIT, YEAR).then().statusCode(200).contentType("application/json")
                .body("version", equalTo(2));
    }

    @Test
    void aVersionInHtmlShowsEveryFigureUnderItsHeadings() {
        byte[] body = Api.auditor().accept("text/html").when().get(VERSION, UNIT, YEAR, 1).then().statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .extract().asByteArray();
        Document html = Jsoup.parse(new String(body, StandardCharsets.UTF_8));

        assertThat(figures(PrintedGrid.fromHtml(html))).isEqualTo(expected(first));
        assertThat(html.selectFirst("h1").text()).isEqualTo(NAME + " 2024年政府信息公开工作年度报告");
        assertThat(html.select("header p").first().text()).contains(UNIT).contains("第 1 版").contains("(UTC+08:00)");
        assertThat(html.select("td").eachText()).contains("5949.088667");
        assertThat(body.length).isLessThan(40_000);

        String byFormat = Api.auditor().queryParam("format", "html").when().get(VERSION, UNIT, YEAR, 1).then()
                .statusCode(200).contentType("text/html;charset=UTF-8").extract().asString();
        assertThat(byFormat).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theCurrentReportInHtmlIsTheLatestVersion() {
        Document html = Jsoup.parse(Api.reader().queryParam("format", "html").when().get(CURRENT, UNIT, YEAR).then()
                .statusCode(200).extract().asString());
        assertThat(figures(PrintedGrid.fromHtml(html))).isEqualTo(expected(second));
        assertThat(html.select("header p").first().text()).contains("第 2 版");
    }

    @Test
    void aVersionInXlsxHoldsTheSameTablesWithExactNumbersAsADownload() throws IOException {
        for (RequestSpecification request : List.of(Api.auditor().accept(Representation.XLSX_MEDIA_TYPE),
                Api.auditor().queryParam("format", "xlsx"))) {
            byte[] xlsx = request.when().get(VERSION, UNIT, YEAR, 2).then().statusCode(200)
                    .contentType(Representation.XLSX_MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"640423100-2024-v2.xlsx\"")
                    .extract().asByteArray();
            List<PrintedGrid> html = PrintedGrid.fromHtml(Jsoup.parse(Api.auditor().queryParam("format", "html")
                    .when().get(VERSION, UNIT, YEAR, 2).then().statusCode(200).extract().asString()));

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                List<PrintedGrid> sheets = new ArrayList<>();
                for (int t = 0; t < workbook.getNumberOfSheets(); t++) {
                    XSSFSheet sheet = workbook.getSheetAt(t);
                    sheets.add(PrintedGrid.fromSheet(sheet, OfficialTablesXlsx.GRID_TOP,
                            sheet.getRow(2).getCell(0).getStringCellValue()));
                }
                assertThat(sheets).isEqualTo(html);
                assertThat(figures(sheets)).isEqualTo(expected(second));
            }
            assertThat(WorkbookXml.firstSheet(xlsx)).contains("<v>123456.000001</v>");
            assertThat(xlsx.length).isLessThan(40_000);
        }
    }

    @Test
    void anUnknownFormatIs400AndAnUnacceptableAcceptIs406() {
        Api.auditor().queryParam("format", "pdf").when().get(VERSION, UNIT, YEAR, 1).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/invalid-parameter"))
                .body("violations[0].pointers[0]", equalTo("format"));
        Api.reader().queryParam("format", "docx").when().get(CURRENT, UNIT, YEAR).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        for (String accept : List.of("image/png", "text/plain", "text/html;q=0")) {
            Api.auditor().accept(accept).when().get(VERSION, UNIT, YEAR, 1).then().statusCode(406)
                    .contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
            Api.reader().accept(accept).when().get(CURRENT, UNIT, YEAR).then().statusCode(406);
        }
        Api.auditor().accept("text/html").when().get(VERSION, UNIT, YEAR, 9).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void eachRepresentationHasItsOwnETag() {
        Map<String, String> tags = new HashMap<>();
        for (String format : List.of("json", "html", "xlsx")) {
            String etag = Api.auditor().queryParam("format", format).when().get(VERSION, UNIT, YEAR, 1).then()
                    .statusCode(200).extract().header("ETag");
            tags.put(format, etag);
            Api.auditor().queryParam("format", format).header("If-None-Match", etag).when().get(VERSION, UNIT, YEAR, 1)
                    .then().statusCode(304).header("ETag", etag);
        }
        assertThat(new HashSet<>(tags.values())).hasSize(3);
        Api.auditor().accept("text/html").header("If-None-Match", tags.get("json")).when().get(VERSION, UNIT, YEAR, 1)
                .then().statusCode(200).contentType("text/html;charset=UTF-8");
        Api.auditor().queryParam("format", "html").header("If-None-Match", tags.get("html"))
                .when().get(VERSION, UNIT, YEAR, 2).then().statusCode(200);
        Api.reader().queryParam("format", "html").header("If-None-Match", tags.get("html"))
                .when().get(CURRENT, UNIT, YEAR).then().statusCode(200);
    }

    @Test
    void theTablesHaveTheRolesOfTheJson() {
        for (String format : List.of("html", "xlsx")) {
            Api.reader().queryParam("format", format).when().get(VERSION, UNIT, YEAR, 1).then().statusCode(403);
            Api.submitter().queryParam("format", format).when().get(VERSION, UNIT, YEAR, 1).then().statusCode(403);
            Api.admin().queryParam("format", format).when().get(CURRENT, UNIT, YEAR).then().statusCode(200);
            Api.service().queryParam("format", format).when().get(CURRENT, UNIT, YEAR).then().statusCode(403);
        }
    }

    @Test
    void a2020ReportIsPrintedInTheTrialFormsLayoutItsAmountInWanYuan() throws IOException {
        CellValues trial = ValidReports.random(ValidReports.FORM_2019, new Random(640423101), 40).toBuilder().set("activeDisclosure.licensing.changeThisYear", new BigDecimal("-8"))
                .set("activeDisclosure.fees.changeThisYear", new BigDecimal("3"))
                .set("activeDisclosure.procurement.totalAmount", new BigDecimal("25.10005")).build();
        ObjectNode report = ValidReports.submission(TRIAL_UNIT, TRIAL_NAME, null, TRIAL_YEAR, trial);
        ObjectNode amount = ((ObjectNode) report.at("/activeDisclosure/procurement")).putObject("totalAmount");
        amount.put("amount", new BigDecimal("251000.5"));
        amount.put("unit", "元");
        Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions")
                .then().statusCode(201);

        Document html = Jsoup.parse(Api.reader().queryParam("format", "html").when().get(CURRENT, TRIAL_UNIT, TRIAL_YEAR)
                .then().statusCode(200).contentType("text/html;charset=UTF-8").extract().asString());
        List<PrintedGrid> tables = PrintedGrid.fromHtml(html);
        Map<String, String> printed = figures(tables, ValidReports.FORM_2019);
        assertThat(printed).hasSize(198);
        for (Cell cell : ValidReports.FORM_2019.cells()) {
            assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(trial.get(cell));
        }
        assertThat(printed.get("activeDisclosure.licensing.changeThisYear")).isEqualTo("-8");
        assertThat(printed.get("activeDisclosure.fees.changeThisYear")).isEqualTo("+3");
        assertThat(printed.get("activeDisclosure.procurement.totalAmount")).as("251000.5 元 in 万元").isEqualTo("25.10005");
        assertThat(html.select("th").eachText()).contains("第二十条第（九）项", "政府集中采购", "采购总金额（单位：万元）",
                        "规范性文件", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "（六）其他处理")
                .doesNotContain("现行有效件数", "本年收费金额（单位：万元）", "行政规范性文件");
        assertThat(html.selectFirst("h1").text()).isEqualTo(TRIAL_NAME + " 2020年政府信息公开工作年度报告");
        assertThat(html.select("header p").eachText()).contains(ValidReports.FORM_2019.title());

        byte[] xlsx = Api.auditor().queryParam("format", "xlsx").when().get(VERSION, TRIAL_UNIT, TRIAL_YEAR, 1).then()
                .statusCode(200).contentType(Representation.XLSX_MEDIA_TYPE).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<PrintedGrid> sheets = new ArrayList<>();
            for (int t = 0; t < workbook.getNumberOfSheets(); t++) {
                XSSFSheet sheet = workbook.getSheetAt(t);
                sheets.add(PrintedGrid.fromSheet(sheet, OfficialTablesXlsx.GRID_TOP,
                        sheet.getRow(2).getCell(0).getStringCellValue()));
            }
            assertThat(sheets).extracting(PrintedGrid::spans).isEqualTo(tables.stream().map(PrintedGrid::spans).toList());
            Map<String, String> inSheets = figures(sheets, ValidReports.FORM_2019);
            assertThat(inSheets).hasSize(198);
            for (Cell cell : ValidReports.FORM_2019.cells()) {
                assertThat(new BigDecimal(inSheets.get(cell.key()))).as(cell.key()).isEqualByComparingTo(trial.get(cell));
            }
        }
        assertThat(WorkbookXml.firstSheet(xlsx)).contains("<v>25.10005</v>").contains("<v>-8</v>");
    }

    private static void submit(CellValues cells, int status) {
        ObjectNode report = ValidReports.submission(UNIT, NAME, null, YEAR, cells);
        report.set("text", Reports.busy(UNIT, NAME, YEAR).get("text"));
        Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions")
                .then().statusCode(status);
    }

    private static Map<String, String> figures(List<PrintedGrid> tables) {
        return figures(tables, ValidReports.FORM);
    }

    private static Map<String, String> figures(List<PrintedGrid> tables, FormDefinition form) {
        Map<String, String> figures = new HashMap<>();
        tables.forEach(table -> figures.putAll(table.figuresByCell(form)));
        return figures;
    }

    private static Map<String, String> expected(CellValues values) {
        Map<String, String> figures = new HashMap<>();
        for (Cell cell : ValidReports.FORM.cells()) {
            figures.put(cell.key(), values.get(cell).stripTrailingZeros().toPlainString());
        }
        return figures;
    }

    private static CellValues withFee(CellValues report, String fee) {
        return report.toBuilder().set("activeDisclosure.fees.amountWanYuan", new BigDecimal(fee)).build();
    }
}
