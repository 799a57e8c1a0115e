package io.gongkai.aggregation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.ExportFiles;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of 长沙市芙蓉区 (430102) in the 2019 trial form and the 2021 form, fed through the intake stub: a year (2021)
 * whose townships used both forms, one of them correcting its report into the other form; a township that reports
 * 2019 and 2020 in the 2019 form and 2021 in the 2021 form; one whose 2021 report breaks X1 against its 2020 report.
 * No other test uses 43.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class FormsAcrossYearsTest {

    static final String COUNTY = "430102";
    static final FormDefinition V2019 = ValidReports.FORM_2019;
    static final FormDefinition V2021 = ValidReports.FORM;
    static final List<String> COLUMNS = List.of("naturalPerson", "commercialEnterprise", "researchInstitution",
            "publicWelfareOrg", "legalServiceOrg", "otherOrg", "total");

    static List<Division> townships;
    static CellValues mixed2021Form;
    static CellValues mixed2019Form;
    static CellValues[] series;
    static Division steady;
    static Division breaking;

    @BeforeEach
    void feedReportsOnce() {
        if (townships != null) {
            return;
        }
        townships = DivisionTable.national().children(COUNTY);
        Random random = new Random(430102);
        CellValues first = ValidReports.random(V2021, random, 20);
        CellValues inOldForm = ValidReports.random(V2019, random, 20);
        CellValues third = ValidReports.random(V2021, random, 20);
        CellValues switchingBefore = ValidReports.random(V2019, random, 20);
        CellValues switchingAfter = ValidReports.random(V2021, random, 20);
        mixed2019Form = inOldForm;

        steady = townships.get(4);
        CellValues steady2019 = ValidReports.random(V2019, random, 20);
        CellValues steady2020 = ValidReports.following(V2019, random, 20, steady2019);
        CellValues steady2021 = ValidReports.following(V2021, random, 20, steady2020);
        series = new CellValues[] {steady2019, steady2020, steady2021};

        breaking = townships.get(5);
        CellValues breaking2020 = ValidReports.random(V2019, random, 20);
        CellValues breaking2021 = ValidReports.following(V2021, random, 20, ValidReports.random(V2019, random, 20));
        assertThat(breaking2021.get("applications.carriedOver.total"))
                .isNotEqualByComparingTo(breaking2020.get("applications.carriedForward.total"));
        mixed2021Form = ValidReports.sum(List.of(first, third, switchingAfter, steady2021, breaking2021));
        Finding intakesOwnX1 = Finding.warning("X1", "/applications/carriedOver/total", "0", "1", "as intake saw it");

        StubFeed.publishAndAwait(
                entry(townships.get(0), 2021, 1, first, List.of()),
                entry(townships.get(1), 2021, 1, inOldForm, List.of()),
                entry(townships.get(2), 2021, 1, third, List.of()),
                entry(townships.get(3), 2021, 1, switchingBefore, List.of()),
                entry(steady, 2019, 1, steady2019, List.of()),
                entry(steady, 2020, 1, steady2020, List.of()),
                entry(breaking, 2020, 1, breaking2020, List.of()));
        // The correction into the other form comes in a later page than the version it replaces, and with the
        // reports that follow a change of form.
        StubFeed.publishAndAwait(
                entry(townships.get(3), 2021, 2, switchingAfter, List.of()),
                entry(steady, 2021, 1, steady2021, List.of()),
                entry(breaking, 2021, 1, breaking2021, List.of(intakesOwnX1)));
    }

    static FeedEntry entry(Division township, int year, int version, CellValues cells, List<Finding> warnings) {
        return StubFeed.entry(township.code(), township.name(), null, year, version, cells,
                OffsetDateTime.parse((year + 1) + "-01-20T10:00:00+08:00"), warnings);
    }

    @Test
    void aYearWhoseUnitsUsedTwoFormsKeepsOneExactTotalPerFormAndSaysSo() {
        JsonNode inYearsForm = json(given().when().get("/api/v1/aggregates/{code}/2021", COUNTY).then().statusCode(200));

        assertThat(inYearsForm.get("formVersion").asText()).isEqualTo("2021");
        assertThat(cells(V2021, inYearsForm.get("totals"))).isEqualTo(mixed2021Form);
        assertThat(inYearsForm.at("/totals/activeDisclosure/fees/amountWanYuan").decimalValue())
                .isEqualByComparingTo(mixed2021Form.get("activeDisclosure.fees.amountWanYuan"));
        assertThat(inYearsForm.get("reports").asInt()).as("four townships and the one that moved to the 2021 form")
                .isEqualTo(5);
        assertThat(inYearsForm.get("otherForms")).hasSize(1);
        assertThat(inYearsForm.at("/otherForms/0/formVersion").asText()).isEqualTo("2019");
        assertThat(inYearsForm.at("/otherForms/0/reports").asInt()).isEqualTo(1);
        assertThat(inYearsForm.at("/reporting/received").asInt()).as("a unit has reported whatever form it used")
                .isEqualTo(6);

        JsonNode inOldForm = json(given().queryParam("formVersion", "2019").when()
                .get("/api/v1/aggregates/{code}/2021", COUNTY).then().statusCode(200));

        assertThat(inOldForm.get("formVersion").asText()).isEqualTo("2019");
        assertThat(cells(V2019, inOldForm.get("totals"))).isEqualTo(mixed2019Form);
        assertThat(inOldForm.at("/totals/activeDisclosure/procurement/totalAmount/amount").decimalValue())
                .isEqualByComparingTo(mixed2019Form.get("activeDisclosure.procurement.totalAmount"));
        assertThat(inOldForm.at("/totals/activeDisclosure/fees/amountWanYuan").isMissingNode())
                .as("no cell of the other form in this total").isTrue();
        assertThat(inOldForm.get("reports").asInt()).as("the report corrected into the 2021 form left this total")
                .isEqualTo(1);
        assertThat(inOldForm.at("/otherForms/0/formVersion").asText()).isEqualTo("2021");
        assertThat(inOldForm.at("/otherForms/0/reports").asInt()).isEqualTo(5);
        assertThat(inOldForm.at("/reporting/received").asInt()).isEqualTo(6);

        JsonNode city = json(given().queryParam("formVersion", "2019").when()
                .get("/api/v1/aggregates/4301/2021").then().statusCode(200));
        assertThat(cells(V2019, city.get("totals"))).isEqualTo(mixed2019Form);
    }

    @Test
    void aChildsRowCountsItsReportWhateverItsForm() {
        JsonNode children = json(given().when().get("/api/v1/aggregates/{code}/2021/children", COUNTY).then().statusCode(200))
                .get("children");
        JsonNode oldForm = StreamSupport.stream(children.spliterator(), false)
                .filter(row -> row.at("/unit/code").asText().equals(townships.get(1).code())).findFirst().orElseThrow();

        assertThat(oldForm.at("/reporting/received").asInt()).isEqualTo(1);
        assertThat(oldForm.get("reports").asInt()).as("its report is in the other form's total").isZero();

        JsonNode inOldForm = json(given().queryParam("formVersion", "2019").when()
                .get("/api/v1/aggregates/{code}/2021/children", COUNTY).then().statusCode(200));
        assertThat(inOldForm.get("formVersion").asText()).isEqualTo("2019");
        JsonNode row = StreamSupport.stream(inOldForm.get("children").spliterator(), false)
                .filter(r -> r.at("/unit/code").asText().equals(townships.get(1).code())).findFirst().orElseThrow();
        assertThat(row.get("reports").asInt()).isEqualTo(1);
        assertThat(cells(V2019, row.get("totals"))).isEqualTo(mixed2019Form);

        var response = given().queryParam("formVersion", "2019").queryParam("format", "csv").when()
                .get("/api/v1/aggregates/{code}/2021/children", COUNTY).then().statusCode(200).extract();
        assertThat(response.header("Content-Disposition")).contains("430102-2021-children-form2019.csv");
        ExportFiles.Rows csv = ExportFiles.csv(response.asByteArray());
        assertThat(csv.header()).containsAll(ExportFiles.labels(V2019))
                .doesNotContain(V2021.requireCell("activeDisclosure.fees.amountWanYuan").heldLabel());
        Map<String, String> csvRow = csv.row(townships.get(1).code());
        assertThat(ExportFiles.cells(V2019, csvRow::get)).isEqualTo(mixed2019Form);
    }

    @Test
    void anUnknownFormVersionIsAProblemNamingIt() {
        given().queryParam("formVersion", "2020").when().get("/api/v1/aggregates/{code}/2021", COUNTY)
                .then().statusCode(400).body("type", org.hamcrest.Matchers.equalTo("/problems/invalid-parameter"))
                .body("violations[0].pointers[0]", org.hamcrest.Matchers.equalTo("formVersion"));
    }

    @Test
    void aTrendAcrossTheChangeOfFormCarriesComparableCellsAndLeavesTheOthersAbsent() {
        JsonNode trend = json(given().when().get("/api/v1/aggregates/{code}/trend?from=2019&to=2021", steady.code())
                .then().statusCode(200));

        assertThat(trend.get("formVersion").asText()).isEqualTo("2021");
        JsonNode y2019 = trend.at("/years/0");
        JsonNode y2021 = trend.at("/years/2");
        assertThat(y2019.get("formVersion").asText()).isEqualTo("2019");
        assertThat(trend.at("/years/1/formVersion").asText()).isEqualTo("2019");
        assertThat(y2021.get("formVersion").asText()).isEqualTo("2021");
        assertThat(cells(V2021, y2021.get("totals"))).isEqualTo(series[2]);

        for (int year = 0; year < 2; year++) {
            JsonNode totals = trend.at("/years/" + year + "/totals");
            CellValues report = series[year];
            for (Cell cell : V2021.cells()) {
                if (cell.table().equals("三") && !cell.key().startsWith("applications.results.other.")
                        || cell.table().equals("四") || cell.key().endsWith(".decisions")) {
                    assertThat(totals.at(cell.pointer()).decimalValue()).as("%s in %d", cell.key(), 2019 + year)
                            .isEqualByComparingTo(report.get(cell.key()));
                }
            }
            assertThat(totals.at("/activeDisclosure/regulations/issued").decimalValue())
                    .isEqualByComparingTo(report.get("activeDisclosure.regulations.newlyMade"));
        }
        for (String column : COLUMNS) {
            String pointer = "/applications/results/other/" + column;
            assertThat(y2019.at("/totals" + pointer).decimalValue()).as("（六） %s in 2019", column)
                    .isEqualByComparingTo(series[0].get("applications.results.other." + column));
            BigDecimal threeRows = List.of("overdueCorrection", "overdueFee", "other").stream()
                    .map(row -> series[2].get("applications.results.other." + row + "." + column))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(y2021.at("/totals" + pointer).decimalValue()).as("（六） %s in 2021", column)
                    .isEqualByComparingTo(threeRows);
            assertThat(texts(y2021.get("derived"))).contains(pointer);
            assertThat(texts(y2019.get("derived"))).doesNotContain(pointer);
            assertThat(y2019.at("/totals/applications/results/other/overdueFee/" + column).isMissingNode()).isTrue();
        }

        List<String> notComparable = List.of("/activeDisclosure/fees/amountWanYuan", "/activeDisclosure/regulations/inForce",
                "/activeDisclosure/normativeDocuments/issued", "/activeDisclosure/normativeDocuments/inForce",
                "/applications/results/other/overdueCorrection/total");
        for (String pointer : notComparable) {
            assertThat(y2019.at("/totals" + pointer).isMissingNode()).as("%s absent in 2019, not zero", pointer).isTrue();
        }
        assertThat(texts(y2019.get("absent"))).containsAll(notComparable);
        assertThat(texts(y2019.get("derived"))).contains("/activeDisclosure/regulations/issued");
        assertThat(texts(y2021.get("absent"))).isEmpty();
        assertThat(y2019.get("reports").asInt()).isEqualTo(1);
    }

    @Test
    void aTrendWithinTheOldFormIsInItsOwnKeys() {
        JsonNode trend = json(given().when().get("/api/v1/aggregates/{code}/trend?from=2019&to=2020", steady.code())
                .then().statusCode(200));

        assertThat(trend.get("formVersion").asText()).isEqualTo("2019");
        assertThat(cells(V2019, trend.at("/years/0/totals"))).isEqualTo(series[0]);
        assertThat(cells(V2019, trend.at("/years/1/totals"))).isEqualTo(series[1]);
        assertThat(texts(trend.at("/years/1/absent"))).isEmpty();
        assertThat(texts(trend.at("/years/1/derived"))).isEmpty();
    }

    @Test
    void aTrendYearWhoseUnitsUsedTwoFormsNamesTheOtherForm() {
        JsonNode trend = json(given().when().get("/api/v1/aggregates/{code}/trend?from=2020&to=2021", COUNTY)
                .then().statusCode(200));

        assertThat(trend.at("/years/1/otherForms/0/formVersion").asText()).isEqualTo("2019");
        assertThat(trend.at("/years/1/otherForms/0/reports").asInt()).isEqualTo(1);
        assertThat(trend.at("/years/1/reports").asInt()).as("the 2021-form reports of five townships")
                .isEqualTo(5);
    }

    @Test
    void checksFindX1AcrossTheChangeOfFormButNotX2() {
        JsonNode checks = json(given().when().get("/api/v1/checks/{code}/2021", COUNTY).then().statusCode(200));
        List<JsonNode> findings = StreamSupport.stream(checks.get("findings").spliterator(), false).toList();

        assertThat(findings).filteredOn(f -> f.get("category").asText().equals("CROSS_YEAR"))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.get("unitCode").asText()).isEqualTo(breaking.code());
                    assertThat(f.get("rule").asText()).isEqualTo("X1");
                })
                .anySatisfy(f -> assertThat(f.get("pointers").toString()).contains("/applications/carriedOver/total"));
        assertThat(findings).as("intake's own X1 is recomputed, not kept as a report warning")
                .filteredOn(f -> f.get("category").asText().equals("REPORT_WARNING")).isEmpty();
        assertThat(findings).filteredOn(f -> f.get("unitCode").asText().equals(steady.code())).isEmpty();
    }

    @Test
    void theOldFormsHeadlineFiguresHaveNoFeeAmountRatherThanAZero() {
        JsonNode old = json(given().when().get("/dashboard/forms/2019.json").then().statusCode(200));
        JsonNode fees = StreamSupport.stream(old.get("figures").spliterator(), false)
                .filter(f -> f.get("id").asText().equals("fees")).findFirst().orElseThrow();
        assertThat(fees.get("absent").asBoolean()).isTrue();
        assertThat(fees.get("cells")).isEmpty();
        assertThat(StreamSupport.stream(old.get("figures").spliterator(), false)
                .filter(f -> !f.get("id").asText().equals("fees"))).allSatisfy(f -> assertThat(f.get("absent").asBoolean()).isFalse());

        JsonNode current = json(given().when().get("/dashboard/forms/2021.json").then().statusCode(200));
        assertThat(StreamSupport.stream(current.get("figures").spliterator(), false))
                .filteredOn(f -> f.get("id").asText().equals("fees"))
                .singleElement().satisfies(f -> assertThat(f.get("absent").asBoolean()).isFalse());
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
