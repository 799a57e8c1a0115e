package io.gongkai.aggregation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.aggregation.service.ExportSlots;
import io.gongkai.aggregation.support.ExportFiles;
import io.gongkai.aggregation.support.ExportFiles.Rows;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.aggregation.support.Tables;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Exports of 贵阳市 (5201) for 2023: the children table as CSV, and every township and department below a unit as
 * CSV and XLSX, read back with Commons CSV and POI. 南明区 (520102) has some townships reporting (one corrected, one
 * late), the rest silent, its own government's report, and two departments, one named like a spreadsheet formula;
 * 云岩区 (520103) has one township reporting and the city one department. For 2020 two of 南明区's townships report
 * in the 2019 form. No other test uses 52.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER})
class ExportResourceTest {

    static final int YEAR = 2023;
    static final String CITY = "5201";
    static final String COUNTY = "520102";
    static final String OTHER_COUNTY = "520103";
    static final String DEPARTMENT = "520102-FGW";
    static final String FORMULA_DEPARTMENT = "520102-HYPERLINK";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://x.example\",\"点击, 查看\")";
    static final String CITY_DEPARTMENT = "5201-JYJ";
    static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-01-20T10:00:00+08:00");
    static final OffsetDateTime CORRECTED = OffsetDateTime.parse("2024-03-02T09:30:00+08:00");
    static final OffsetDateTime LATE = OffsetDateTime.parse("2024-02-01T00:00:00+08:00");
    static final String CSV_TYPE = "text/csv";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int TRIAL_YEAR = 2020;
    static final OffsetDateTime TRIAL_RECEIVED = OffsetDateTime.parse("2021-01-20T10:00:00+08:00");
    static final String LICENSING_CHANGE = "activeDisclosure.licensing.changeThisYear";
    static final String PROCUREMENT = "activeDisclosure.procurement.totalAmount";

    /** The 2020 reports of 南明区's first two townships, in the 2019 form, by code. */
    static Map<String, CellValues> trialReports;
    /** Each reporting unit's current report, status, version and times as fed; silent units are absent. */
    static Map<String, Fed> fed;
    static List<Division> townships;

    record Fed(CellValues cells, String status, int version, OffsetDateTime first, OffsetDateTime last) {
    }

    @Inject
    ExportSlots slots;

    @Inject
    Tables tables;

    @BeforeEach
    void feedReportsOnce() {
        if (fed != null) {
            return;
        }
        townships = DivisionTable.national().children(COUNTY);
        Random random = new Random(5201);
        Map<String, Fed> reports = new HashMap<>();
        List<FeedEntry> entries = new ArrayList<>();
        CellValues first = ValidReports.random(random, 20);
        CellValues corrected = ValidReports.random(random, 20);
        entries.add(township(townships.get(0), 1, first, ON_TIME));
        entries.add(township(townships.get(0), 2, corrected, CORRECTED));
        reports.put(townships.get(0).code(), new Fed(corrected, "ON_TIME", 2, ON_TIME, CORRECTED));
        for (int i : new int[] {1, 2, 4}) {
            CellValues cells = ValidReports.random(random, 20);
            OffsetDateTime at = i == 2 ? LATE : ON_TIME;
            entries.add(township(townships.get(i), 1, cells, at));
            reports.put(townships.get(i).code(), new Fed(cells, i == 2 ? "LATE" : "ON_TIME", 1, at, at));
        }
        Division other = DivisionTable.national().children(OTHER_COUNTY).get(0);
        CellValues otherCells = ValidReports.random(random, 20);
        entries.add(township(other, 1, otherCells, ON_TIME));
        reports.put(other.code(), new Fed(otherCells, "ON_TIME", 1, ON_TIME, ON_TIME));
        entries.add(StubFeed.entry(COUNTY, "南明区人民政府", null, YEAR, 1, ValidReports.random(random, 50), ON_TIME, List.of()));
        for (String[] department : new String[][] {{DEPARTMENT, "南明区发展和改革局", COUNTY},
                {FORMULA_DEPARTMENT, FORMULA_NAME, COUNTY}, {CITY_DEPARTMENT, "贵阳市教育局", CITY}}) {
            CellValues cells = ValidReports.random(random, 30);
            OffsetDateTime at = department[0].equals(FORMULA_DEPARTMENT) ? LATE : ON_TIME;
            entries.add(StubFeed.entry(department[0], department[1], department[2], YEAR, 1, cells, at, List.of()));
            reports.put(department[0], new Fed(cells, at == LATE ? "LATE" : "ON_TIME", 1, at, at));
        }
        Map<String, CellValues> trial = new HashMap<>();
        for (int i : new int[] {0, 1}) {
            CellValues cells = trialReport(random, new BigDecimal(i == 0 ? "-8" : "1036"));
            FeedEntry entry = StubFeed.entry(townships.get(i).code(), townships.get(i).name(), null, TRIAL_YEAR, 1, cells,
                    TRIAL_RECEIVED, List.of());
            ObjectNode amount = ((ObjectNode) entry.submission().at("/activeDisclosure/procurement")).putObject("totalAmount");
            amount.put("amount", new BigDecimal("251000.5"));
            amount.put("unit", "元");
            entries.add(entry);
            trial.put(townships.get(i).code(), cells);
        }
        StubFeed.publishAndAwait(entries.toArray(FeedEntry[]::new));
        trialReports = trial;
        fed = reports;
    }

    /** A valid 2019-form report with the change in licensing items given, its procurement 251000.5 元 (in 万元). */
    private static CellValues trialReport(Random random, BigDecimal licensingChange) {
        return ValidReports.random(ValidReports.FORM_2019, random, 20).toBuilder().set(LICENSING_CHANGE, licensingChange).set(PROCUREMENT, new BigDecimal("25.10005")).build();
    }

    private static FeedEntry township(Division township, int version, CellValues cells, OffsetDateTime at) {
        return StubFeed.entry(township.code(), township.name(), null, YEAR, version, cells, at, List.of());
    }

    @Test
    void theChildrenCsvIsTheJsonTableToTheLastDigit() {
        for (String unit : List.of(CITY, COUNTY)) {
            ExtractableResponse<Response> csv = given().accept(CSV_TYPE).when()
                    .get("/api/v1/aggregates/{code}/{year}/children", unit, YEAR).then().statusCode(200)
                    .contentType(startsWith(CSV_TYPE))
                    .header("Content-Disposition", "attachment; filename=\"" + unit + "-" + YEAR + "-children.csv\"")
                    .extract();
            Rows rows = ExportFiles.csv(csv.asByteArray());
            JsonNode children = json(given().queryParam("size", 100).when()
                    .get("/api/v1/aggregates/{code}/{year}/children", unit, YEAR).then().statusCode(200)).get("children");

            assertThat(rows.header()).isEqualTo(Stream.concat(Stream.of("code", "name", "kind", "reports", "expected",
                    "received", "missingCount", "onTime", "late"), ExportFiles.labels().stream()).toList());
            assertThat(rows.header()).contains("表三｜三、本年度办理结果/（一）予以公开｜自然人（件）");
            assertThat(rows.rows()).as("every child of %s, in the JSON's order", unit).hasSize(children.size());
            for (int i = 0; i < children.size(); i++) {
                JsonNode child = children.get(i);
                Map<String, String> row = rows.rows().get(i);
                assertThat(row.get("code")).isEqualTo(child.at("/unit/code").asText());
                assertThat(row.get("name")).isEqualTo(defused(child.at("/unit/name").asText()));
                assertThat(row.get("kind")).isEqualTo(child.at("/unit/kind").asText());
                assertThat(row.get("reports")).isEqualTo(child.get("reports").asText());
                for (String field : List.of("expected", "received", "missingCount", "onTime", "late")) {
                    assertThat(row.get(field)).as("%s of %s", field, row.get("code"))
                            .isEqualTo(child.at("/reporting/" + field).asText());
                }
                assertThat(ExportFiles.cells(row)).as("cells of %s", row.get("code")).isEqualTo(cells(child.get("totals")));
                assertFeeIsTheJsonsDecimal(row, child);
            }
        }
    }

    /** A name as CSV shows it: with an apostrophe before what Excel would take for a formula. */
    private static String defused(String name) {
        return name.equals(FORMULA_NAME) ? "'" + name : name;
    }

    /** The fee's text is the JSON's decimal, not only the same value: no digit is lost or added. */
    private static void assertFeeIsTheJsonsDecimal(Map<String, String> row, JsonNode child) {
        String fee = ValidReports.FORM.requireCell("activeDisclosure.fees.amountWanYuan").label();
        assertThat(new BigDecimal(row.get(fee)).stripTrailingZeros().toPlainString()).isEqualTo(
                child.at("/totals/activeDisclosure/fees/amountWanYuan").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void a2020ExportHasTheCellsOfThe2019FormUnderItsLabelsToTheLastDigit() throws Exception {
        FormDefinition trialForm = ValidReports.FORM_2019;
        Rows csv = ExportFiles.csv(given().queryParam("format", "csv").when()
                .get("/api/v1/aggregates/{code}/{year}/units", COUNTY, TRIAL_YEAR).then().statusCode(200)
                .contentType(startsWith(CSV_TYPE)).extract().asByteArray());
        Rows xlsx = ExportFiles.xlsx(given().queryParam("format", "xlsx").when()
                .get("/api/v1/aggregates/{code}/{year}/units", COUNTY, TRIAL_YEAR).then().statusCode(200)
                .contentType(XLSX_TYPE).extract().asByteArray());

        for (Rows rows : List.of(csv, xlsx)) {
            assertThat(rows.header().subList(14, rows.header().size())).isEqualTo(ExportFiles.labels(trialForm))
                    .hasSize(198)
                    .contains("表二｜第二十条第（一）项｜规范性文件｜对外公开总数量（件）", "表二｜第二十条第（五）项｜行政许可｜本年增/减（项）",
                            "表二｜第二十条第（九）项｜政府集中采购｜采购总金额（单位：万元）", "表三｜三、本年度办理结果/（六）其他处理｜自然人（件）")
                    .doesNotContain(ValidReports.FORM.requireCell("activeDisclosure.fees.amountWanYuan").heldLabel(),
                            "表二｜第二十条第（一）项｜行政规范性文件｜现行有效件数（件）");
            assertThat(rows.codes()).hasSize(townships.size() + 2);
            for (Map<String, String> row : rows.rows()) {
                String code = row.get("code");
                CellValues submitted = trialReports.get(code);
                CellValues exported = ExportFiles.cells(trialForm, row::get);
                if (submitted == null) {
                    assertThat(row.get("status")).as("status of %s in 2020", code).isEqualTo("MISSING");
                    assertThat(exported).as("cells of silent %s", code).isNull();
                    continue;
                }
                assertThat(row.get("formVersion")).isEqualTo("2019");
                assertThat(exported).as("cells of %s", code).isEqualTo(submitted);
            }
        }
        Map<String, String> first = csv.row(townships.get(0).code());
        assertThat(first.get(trialForm.requireCell(LICENSING_CHANGE).heldLabel())).isEqualTo("-8");
        assertThat(first.get(trialForm.requireCell(PROCUREMENT).heldLabel())).as("251000.5 元 in 万元").isEqualTo("25.10005");

        Rows children = ExportFiles.csv(given().accept(CSV_TYPE).when()
                .get("/api/v1/aggregates/{code}/{year}/children", CITY, TRIAL_YEAR).then().statusCode(200).extract()
                .asByteArray());
        assertThat(children.header().subList(9, children.header().size())).isEqualTo(ExportFiles.labels(trialForm));
        assertThat(ExportFiles.cells(trialForm, children.row(COUNTY)::get)).as("南明区's 2020 total")
                .isEqualTo(ValidReports.sum(trialReports.values()));
    }

    @Test
    void formatCsvDownloadsTheSameFileWhateverTheAcceptHeaderSays() {
        byte[] byAccept = given().accept(CSV_TYPE).when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                .then().statusCode(200).extract().asByteArray();
        byte[] byFormat = given().accept("application/json").queryParam("format", "csv").when()
                .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200)
                .contentType(startsWith(CSV_TYPE)).extract().asByteArray();
        assertThat(byFormat).isEqualTo(byAccept);

        given().when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200)
                .contentType(startsWith("application/json")).body("children.size()", equalTo(townships.size() + 2));
        given().queryParam("format", "json").accept(CSV_TYPE).when()
                .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void theUnitsCsvHoldsEachUnitsReportAndBlanksForSilentOnes() {
        ExtractableResponse<Response> csv = given().queryParam("format", "csv").when()
                .get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR).then().statusCode(200)
                .contentType(startsWith(CSV_TYPE))
                .header("Content-Disposition", "attachment; filename=\"" + COUNTY + "-" + YEAR + "-units.csv\"").extract();
        Rows rows = ExportFiles.csv(csv.asByteArray());

        assertCountyRows(rows);
        assertThat(rows.row(FORMULA_DEPARTMENT).get("name")).as("a name Excel would run as a formula is defused")
                .isEqualTo("'" + FORMULA_NAME);
        assertThat(given().accept(CSV_TYPE).when().get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR)
                .then().statusCode(200).extract().asByteArray()).isEqualTo(csv.asByteArray());
    }

    @Test
    void theUnitsXlsxHoldsTheSameWithNumbersAsNumbers() throws Exception {
        byte[] xlsx = given().queryParam("format", "xlsx").when()
                .get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR).then().statusCode(200)
                .contentType(XLSX_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + COUNTY + "-" + YEAR + "-units.xlsx\"")
                .extract().asByteArray();
        Rows rows = ExportFiles.xlsx(xlsx);

        assertCountyRows(rows);
        assertThat(rows.row(FORMULA_DEPARTMENT).get("name")).as("text, never a formula").isEqualTo(FORMULA_NAME);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int fee = rows.header().indexOf(ValidReports.FORM.requireCell("activeDisclosure.fees.amountWanYuan").label());
            int firstCell = rows.header().indexOf(ExportFiles.labels().get(0));
            for (Row row : sheet) {
                String code = row.getCell(0).getStringCellValue();
                if (row.getRowNum() > 0 && fed.containsKey(code)) {
                    assertThat(row.getCell(fee).getCellType()).as("the fee of %s", code).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(firstCell).getCellType()).as("a count of %s", code).isEqualTo(CellType.NUMERIC);
                }
            }
        }
        assertThat(given().accept(XLSX_TYPE).when().get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR)
                .then().statusCode(200).contentType(XLSX_TYPE).extract().asByteArray()).isNotEmpty();
    }

    private static void assertCountyRows(Rows rows) {
        List<String> expected = Stream.concat(townships.stream().map(Division::code),
                Stream.of(DEPARTMENT, FORMULA_DEPARTMENT)).sorted().toList();
        assertThat(rows.header().subList(0, 14)).containsExactly("code", "name", "kind", "provinceCode", "provinceName",
                "cityCode", "cityName", "countyCode", "countyName", "status", "version", "formVersion", "firstReceivedAt",
                "receivedAt");
        assertThat(rows.header().subList(14, rows.header().size())).isEqualTo(ExportFiles.labels());
        assertThat(rows.codes()).as("townships and departments, by code; the county's own report is no row")
                .isEqualTo(expected);
        for (Map<String, String> row : rows.rows()) {
            String code = row.get("code");
            assertThat(List.of(row.get("provinceCode"), row.get("provinceName"), row.get("cityCode"), row.get("cityName"),
                    row.get("countyCode"), row.get("countyName"))).as("where %s sits", code)
                    .containsExactly("52", "贵州省", CITY, "贵阳市", COUNTY, "南明区");
            Fed report = fed.get(code);
            if (report == null) {
                assertThat(row.get("status")).as("status of silent %s", code).isEqualTo("MISSING");
                assertThat(List.of(row.get("version"), row.get("formVersion"), row.get("firstReceivedAt"),
                        row.get("receivedAt"))).containsOnly("");
                assertThat(ExportFiles.cells(row)).as("cells of silent %s: blank, not zero", code).isNull();
                continue;
            }
            assertThat(row.get("status")).as("status of %s", code).isEqualTo(report.status());
            assertThat(new BigDecimal(row.get("version"))).isEqualByComparingTo(BigDecimal.valueOf(report.version()));
            assertThat(row.get("formVersion")).isEqualTo("2021");
            assertThat(OffsetDateTime.parse(row.get("firstReceivedAt"))).isEqualTo(report.first());
            assertThat(row.get("receivedAt")).as("shown in the reporting zone").endsWith("+08:00");
            assertThat(OffsetDateTime.parse(row.get("receivedAt")).toInstant()).isEqualTo(report.last().toInstant());
            assertThat(ExportFiles.cells(row)).as("cells of %s", code).isEqualTo(report.cells());
        }
        assertThat(rows.row(DEPARTMENT).get("kind")).isEqualTo("DEPARTMENT");
        assertThat(rows.row(townships.get(3).code()).get("kind")).isEqualTo("TOWNSHIP");
    }

    @Test
    void aCitysExportCoversItsCountiesAndItsOwnDepartments() {
        Rows rows = ExportFiles.csv(given().when().get("/api/v1/aggregates/{code}/{year}/units", CITY, YEAR)
                .then().statusCode(200).contentType(startsWith(CSV_TYPE)).extract().asByteArray());

        int townshipsOfTheCity = DivisionTable.national().children(CITY).stream()
                .mapToInt(county -> DivisionTable.national().children(county.code()).size()).sum();
        assertThat(rows.rows()).hasSize(townshipsOfTheCity + 3);
        assertThat(rows.codes()).isSorted();
        Map<String, String> department = rows.row(CITY_DEPARTMENT);
        assertThat(List.of(department.get("cityCode"), department.get("countyCode"), department.get("countyName")))
                .containsExactly(CITY, "", "");
        CellValues sum = ValidReports.sum(rows.rows().stream().map(ExportFiles::cells).filter(c -> c != null).toList());
        CellValues reportedBelow = ValidReports.sum(fed.values().stream().map(Fed::cells).toList());
        assertThat(sum).as("the rows add up to every report below the city but the county government's own")
                .isEqualTo(reportedBelow);
    }

    @Test
    void aFormatNotOfferedIs400AndAnImpossibleAcceptIs406() {
        Map<String, Long> before = tables.snapshot();
        for (String path : List.of("/api/v1/aggregates/520102/2023/units?format=json",
                "/api/v1/aggregates/520102/2023/units?format=pdf", "/api/v1/aggregates/520102/2023/children?format=xlsx",
                "/api/v1/aggregates/520102/2023/children?format=%3Cscript%3E")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("/problems/invalid-parameter")).body("violations[0].pointers[0]", equalTo("format"));
        }
        given().accept("application/json").when().get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR)
                .then().statusCode(406).contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
        given().accept("application/xml").when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                .then().statusCode(406).contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
        given().accept(CSV_TYPE).when().get("/api/v1/aggregates/999999/2023/units").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/unknown-unit"));
        given().accept(CSV_TYPE).when().get("/api/v1/aggregates/999999/2023/children").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().queryParam("format", "xlsx").when().get("/api/v1/aggregates/{code}/2018/units", COUNTY).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/invalid-request"));
        assertThat(slots.available()).as("refused exports hold no slot").isEqualTo(2);
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void atMostTwoExportsStreamAtOnceTheNextIsToldToRetry() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(startExportWithoutReading("/api/v1/aggregates/CN/2099/units?format=csv"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.available() == 0);

            given().queryParam("format", "xlsx").when().get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR)
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", "30")
                    .body("type", equalTo("/problems/exports-busy"));
            given().accept(CSV_TYPE).when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                    .then().statusCode(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> slots.available() == 2);
        given().when().get("/api/v1/aggregates/{code}/{year}/units", COUNTY, YEAR).then().statusCode(200);
    }

    /** Asks for an export on a socket that reads the status line and then nothing: the export stalls mid-stream. */
    private static Socket startExportWithoutReading(String path) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", RestAssured.port), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.of(Roles.READER)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII), 64)
                .readLine();
        assertThat(status).as("status line of %s", path).startsWith("HTTP/1.1 200");
        return socket;
    }
}
