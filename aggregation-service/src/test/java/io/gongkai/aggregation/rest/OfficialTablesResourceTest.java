package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.tables.OfficialTablesXlsx;
import io.gongkai.contracts.tables.Representation;
import io.gongkai.contracts.testing.PrintedGrid;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.contracts.testing.WorkbookXml;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A total as the official tables, in HTML and XLSX, beside the JSON: 南京市玄武区 (320102) in 2027, two townships and
 * a department with a hostile name, and in 2020 the same two townships in the 2019 form. No other test uses 32 or
 * 2027. Roles: AggregationSecurityTest.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = Roles.READER)
class OfficialTablesResourceTest {

    static final int YEAR = 2027;
    static final String COUNTY = "320102";
    static final String DEPARTMENT = "320102-XSS";
    static final String HOSTILE_NAME = "<script>alert(1)</script>玄武区\"'&局";
    static final String PATH = "/api/v1/aggregates/{code}/{year}";

    static final int TRIAL_YEAR = 2020;

    static CellValues expectedTotal;
    static CellValues trialTotal;

    @BeforeEach
    void feedReportsOnce() {
        if (expectedTotal != null) {
            return;
        }
        List<Division> townships = DivisionTable.national().children(COUNTY);
        Random random = new Random(2027);
        CellValues first = withFee(ValidReports.random(random, 30), "123456789000");
        CellValues second = withFee(ValidReports.random(random, 30), "12.123456");
        CellValues department = withFee(ValidReports.random(random, 30), "0");
        OffsetDateTime at = OffsetDateTime.parse("2028-01-20T10:00:00+08:00");
        CellValues trialFirst = ValidReports.random(ValidReports.FORM_2019, random, 30);
        CellValues trialSecond = ValidReports.random(ValidReports.FORM_2019, random, 30);
        OffsetDateTime trialAt = OffsetDateTime.parse("2021-01-20T10:00:00+08:00");
        StubFeed.publishAndAwait(
                StubFeed.entry(townships.get(0).code(), townships.get(0).name(), null, YEAR, 1, first, at, List.of()),
                StubFeed.entry(townships.get(1).code(), townships.get(1).name(), null, YEAR, 1, second, at, List.of()),
                StubFeed.entry(DEPARTMENT, HOSTILE_NAME, COUNTY, YEAR, 1, department, at, List.of()),
                StubFeed.entry(townships.get(0).code(), townships.get(0).name(), null, TRIAL_YEAR, 1, trialFirst, trialAt,
                        List.of()),
                StubFeed.entry(townships.get(1).code(), townships.get(1).name(), null, TRIAL_YEAR, 1, trialSecond, trialAt,
                        List.of()));
        trialTotal = ValidReports.sum(List.of(trialFirst, trialSecond));
        expectedTotal = ValidReports.sum(List.of(first, second, department));
    }

    @Test
    void a2020TotalIsPrintedInThe2019FormsLayout() {
        Document html = Jsoup.parse(reader().queryParam("format", "html").when().get(PATH, COUNTY, TRIAL_YEAR).then()
                .statusCode(200).contentType("text/html;charset=UTF-8").extract().asString());

        Map<String, String> printed = new HashMap<>();
        PrintedGrid.fromHtml(html).forEach(table -> printed.putAll(table.figuresByCell(ValidReports.FORM_2019)));
        assertThat(printed).hasSize(198);
        for (Cell cell : ValidReports.FORM_2019.cells()) {
            assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(trialTotal.get(cell));
        }
        assertThat(html.select("th").eachText()).contains("第二十条第（九）项", "采购总金额（单位：万元）", "对外公开总数量",
                "本年增/减", "（六）其他处理").doesNotContain("现行有效件数", "本年收费金额（单位：万元）");
        assertThat(html.select("header p").first().text()).contains("汇总 2 份报告");
    }

    @Test
    void jsonStaysTheDefault() {
        for (String accept : List.of("*/*", "application/json", "application/*")) {
            reader().accept(accept).when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                    .contentType("application/json").header("Vary", "Accept").body("unit.code", equalTo(COUNTY));
        }
        reader().queryParam("format", "json").accept("text/html").when().get(PATH, COUNTY, YEAR).then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void htmlShowsEveryFigureOfTheTotalUnderItsHeadings() {
        Response response = reader().accept("text/html").when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                .contentType("text/html;charset=UTF-8").header("Vary", "Accept")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .extract().response();
        Document html = Jsoup.parse(new String(response.asByteArray(), StandardCharsets.UTF_8));

        assertThat(printedFigures(PrintedGrid.fromHtml(html))).isEqualTo(expectedFigures());
        assertThat(html.selectFirst("h1").text()).isEqualTo("玄武区 2027年政府信息公开工作年度报告");
        assertThat(html.select("header p").first().text()).contains(COUNTY).contains("汇总 3 份报告");
        assertThat(html.select("td").eachText()).contains("123456789012.123456");
        assertThat(response.asByteArray().length).isLessThan(40_000);
    }

    @Test
    void theFormatParameterGivesTheSameDocumentForALink() {
        String byAccept = reader().accept("text/html").when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                .extract().asString();
        String byFormat = reader().queryParam("format", "html").when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                .contentType("text/html;charset=UTF-8").extract().asString();
        assertThat(byFormat).isEqualTo(byAccept);
    }

    @Test
    void xlsxHoldsTheSameTablesWithExactNumbersAsADownload() throws IOException {
        for (RequestSpecification request : List.of(reader().accept(Representation.XLSX_MEDIA_TYPE),
                reader().queryParam("format", "xlsx"))) {
            byte[] xlsx = request.when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                    .contentType(Representation.XLSX_MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"320102-2027.xlsx\"")
                    .extract().asByteArray();
            List<PrintedGrid> html = PrintedGrid.fromHtml(Jsoup.parse(reader().queryParam("format", "html")
                    .when().get(PATH, COUNTY, YEAR).then().statusCode(200).extract().asString()));

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                List<PrintedGrid> sheets = new ArrayList<>();
                for (int t = 0; t < workbook.getNumberOfSheets(); t++) {
                    XSSFSheet sheet = workbook.getSheetAt(t);
                    sheets.add(PrintedGrid.fromSheet(sheet, OfficialTablesXlsx.GRID_TOP,
                            sheet.getRow(2).getCell(0).getStringCellValue()));
                }
                assertThat(sheets).isEqualTo(html);
                assertThat(printedFigures(sheets)).isEqualTo(expectedFigures());
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("玄武区");
            }
            assertThat(WorkbookXml.firstSheet(xlsx)).contains("<v>123456789012.123456</v>");
            assertThat(xlsx.length).isLessThan(40_000);
        }
    }

    @Test
    void anUnknownFormatIs400AndAnUnacceptableAcceptIs406() {
        reader().queryParam("format", "pdf").when().get(PATH, COUNTY, YEAR).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/invalid-parameter"))
                .body("violations[0].pointers[0]", equalTo("format")).body("detail", containsString("json, html or xlsx"));
        for (String accept : List.of("image/png", "text/plain", "text/html;q=0")) {
            reader().accept(accept).when().get(PATH, COUNTY, YEAR).then().statusCode(406)
                    .contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
        }
        reader().accept("text/html").when().get(PATH, "999999", YEAR).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        reader().queryParam("format", "xlsx").when().get(PATH, COUNTY, 2018).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/invalid-request"));
    }

    @Test
    void eachRepresentationHasItsOwnETag() {
        Map<String, String> tags = new HashMap<>();
        for (String format : List.of("json", "html", "xlsx")) {
            String etag = reader().queryParam("format", format).when().get(PATH, COUNTY, YEAR).then().statusCode(200)
                    .extract().header("ETag");
            tags.put(format, etag);
            reader().queryParam("format", format).header("If-None-Match", etag).when().get(PATH, COUNTY, YEAR)
                    .then().statusCode(304).header("ETag", etag).header("Vary", "Accept");
        }
        assertThat(new HashSet<>(tags.values())).hasSize(3);
        reader().accept("text/html").header("If-None-Match", tags.get("json")).when().get(PATH, COUNTY, YEAR)
                .then().statusCode(200).contentType("text/html;charset=UTF-8");

        Division elsewhere = DivisionTable.national().children("320104").get(0);
        StubFeed.publishAndAwait(StubFeed.entry(elsewhere.code(), elsewhere.name(), null, YEAR, 1,
                ValidReports.random(new Random(1), 5), OffsetDateTime.parse("2028-01-21T10:00:00+08:00"), List.of()));
        String changed = reader().queryParam("format", "html").header("If-None-Match", tags.get("html"))
                .when().get(PATH, COUNTY, YEAR).then().statusCode(200).extract().header("ETag");
        assertThat(changed).isNotEqualTo(tags.get("html"));
    }

    @Test
    void aHostileUnitNameIsPrintedAsText() {
        Document html = Jsoup.parse(reader().accept("text/html").when().get(PATH, DEPARTMENT, YEAR).then()
                .statusCode(200).extract().asString());

        assertThat(html.select("script")).isEmpty();
        assertThat(html.selectFirst("h1").text()).isEqualTo(HOSTILE_NAME + " 2027年政府信息公开工作年度报告");
    }

    private static RequestSpecification reader() {
        return given();
    }

    private static Map<String, String> printedFigures(List<PrintedGrid> tables) {
        Map<String, String> figures = new HashMap<>();
        tables.forEach(table -> figures.putAll(table.figuresByCell(ValidReports.FORM)));
        return figures;
    }

    private static Map<String, String> expectedFigures() {
        Map<String, String> figures = new HashMap<>();
        for (Cell cell : ValidReports.FORM.cells()) {
            figures.put(cell.key(), expectedTotal.get(cell).stripTrailingZeros().toPlainString());
        }
        return figures;
    }

    private static CellValues withFee(CellValues report, String fee) {
        return report.toBuilder().set("activeDisclosure.fees.amountWanYuan", new BigDecimal(fee)).build();
    }
}
