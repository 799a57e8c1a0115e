package io.gongkai.aggregation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Totals of 兰州市城关区 (620102) for 2023, fed through the intake stub. No other test uses 6201 or 2023 there. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class AggregateResourceTest {

    static final int YEAR = 2023;
    static final String COUNTY = "620102";
    static final String CITY = "6201";
    static final String DEPARTMENT = "D620102-FGW";
    static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-01-20T10:00:00+08:00");
    static final OffsetDateTime LAST_MINUTE = OffsetDateTime.parse("2024-01-31T23:59:59+08:00");
    static final OffsetDateTime LATE = OffsetDateTime.parse("2024-02-01T00:00:00+08:00");

    static List<Division> townships;
    static CellValues expectedCountyTotal;
    static CellValues correctedFirstTownship;

    @BeforeEach
    void feedReportsOnce() {
        if (townships != null) {
            return;
        }
        townships = DivisionTable.national().children(COUNTY);
        Random random = new Random(2023);
        CellValues first = ValidReports.random(random, 20);
        correctedFirstTownship = ValidReports.random(random, 20);
        CellValues second = ValidReports.random(random, 20);
        CellValues third = ValidReports.random(random, 20);
        CellValues countyOwn = ValidReports.random(random, 50);
        CellValues department = ValidReports.random(random, 30);
        StubFeed.publishAndAwait(
                entry(townships.get(0), 1, first, ON_TIME),
                entry(townships.get(1), 1, second, LAST_MINUTE),
                entry(townships.get(2), 1, third, LATE),
                entry(townships.get(0), 2, correctedFirstTownship, LATE),
                StubFeed.entry(COUNTY, "城关区人民政府", null, YEAR, 1, countyOwn, ON_TIME, List.of()),
                StubFeed.entry(DEPARTMENT, "城关区发展和改革局", COUNTY, YEAR, 1, department, ON_TIME, List.of()));
        expectedCountyTotal = ValidReports.sum(List.of(correctedFirstTownship, second, third, countyOwn, department));
    }

    static io.gongkai.contracts.api.FeedEntry entry(Division township, int version, CellValues cells, OffsetDateTime at) {
        return StubFeed.entry(township.code(), township.name(), null, YEAR, version, cells, at, List.of());
    }

    @Test
    void aCountysTotalIsTheExactSumOfTheCurrentVersionsInItsSubtree() {
        JsonNode aggregate = json(given().when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR).then().statusCode(200));

        assertThat(cells(aggregate.get("totals"))).isEqualTo(expectedCountyTotal);
        assertThat(aggregate.at("/totals/activeDisclosure/fees/amountWanYuan").decimalValue())
                .isEqualByComparingTo(expectedCountyTotal.get("activeDisclosure.fees.amountWanYuan"));
        assertThat(aggregate.at("/unit/code").asText()).isEqualTo(COUNTY);
        assertThat(aggregate.at("/year").asInt()).isEqualTo(YEAR);
        assertThat(aggregate.at("/formVersion").asText()).isEqualTo("2021");
        assertThat(aggregate.at("/reports").asInt()).as("3 townships, the county's own report, 1 department").isEqualTo(5);
    }

    @Test
    void reportingCountsTownshipsAndDepartmentsButNotTheGovernmentsOwnReport() {
        JsonNode reporting = json(given().when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR).then().statusCode(200))
                .get("reporting");

        assertThat(reporting.get("expected").asInt()).isEqualTo(townships.size() + 1);
        assertThat(reporting.get("received").asInt()).isEqualTo(4);
        assertThat(reporting.get("missingCount").asInt()).isEqualTo(townships.size() - 3);
        List<String> missing = StreamSupport.stream(reporting.get("missing").spliterator(), false)
                .map(m -> m.get("code").asText()).toList();
        assertThat(missing).isEqualTo(townships.subList(3, townships.size()).stream().map(Division::code).sorted().toList());
        assertThat(reporting.get("missing").get(0).get("name").asText()).isEqualTo(townships.get(3).name());
        assertThat(reporting.get("onTime").asInt()).as("a correction after the deadline keeps version 1 on time").isEqualTo(3);
        assertThat(reporting.get("late").asInt()).isEqualTo(1);
        assertThat(reporting.get("deadline").asText()).isEqualTo("2024-01-31");
    }

    @Test
    void theCityAndTheProvinceIncludeTheCountyAndEqualTheSumOfTheirChildren() {
        JsonNode city = json(given().when().get("/api/v1/aggregates/{code}/{year}", CITY, YEAR).then().statusCode(200));
        assertThat(cells(city.get("totals"))).isEqualTo(expectedCountyTotal);
        assertThat(city.at("/reporting/received").asInt()).isEqualTo(4);

        JsonNode children = json(given().when().get("/api/v1/aggregates/{code}/{year}/children", CITY, YEAR).then().statusCode(200));
        List<CellValues> rows = new ArrayList<>();
        children.get("children").forEach(row -> rows.add(cells(row.get("totals"))));
        assertThat(rows).hasSize(DivisionTable.national().children(CITY).size());
        assertThat(ValidReports.sum(rows)).isEqualTo(cells(city.get("totals")));

        JsonNode province = json(given().when().get("/api/v1/aggregates/62/{year}", YEAR).then().statusCode(200));
        assertThat(cells(province.get("totals"))).isEqualTo(expectedCountyTotal);
    }

    @Test
    void childRowsShowEachTownshipAndTheDepartmentWithItsStatus() {
        JsonNode children = json(given().when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200))
                .get("children");

        assertThat(children).hasSize(townships.size() + 1);
        JsonNode first = row(children, townships.get(0).code());
        assertThat(cells(first.get("totals"))).isEqualTo(correctedFirstTownship);
        assertThat(first.at("/reporting/received").asInt()).isEqualTo(1);
        assertThat(first.at("/reporting/onTime").asInt()).isEqualTo(1);
        JsonNode third = row(children, townships.get(2).code());
        assertThat(third.at("/reporting/late").asInt()).isEqualTo(1);
        JsonNode silent = row(children, townships.get(5).code());
        assertThat(silent.at("/reporting/received").asInt()).isZero();
        assertThat(silent.at("/reporting/missingCount").asInt()).isEqualTo(1);
        assertThat(cells(silent.get("totals"))).isEqualTo(CellValues.zero(ValidReports.FORM));
        JsonNode department = row(children, DEPARTMENT);
        assertThat(department.at("/unit/kind").asText()).isEqualTo("DEPARTMENT");
        assertThat(department.at("/unit/name").asText()).isEqualTo("城关区发展和改革局");

        given().when().get("/api/v1/units/{code}", DEPARTMENT).then().statusCode(200)
                .body("unit.parentCode", equalTo(COUNTY)).body("ancestors.code", equalTo(List.of("CN", "62", CITY, COUNTY)));
    }

    private static JsonNode row(JsonNode rows, String code) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.at("/unit/code").asText().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + code));
    }

    @Test
    void aYearWithoutReportsHasZeroTotalsNotAnError() {
        JsonNode empty = json(given().when().get("/api/v1/aggregates/{code}/2030", COUNTY).then().statusCode(200));

        assertThat(cells(empty.get("totals"))).isEqualTo(CellValues.zero(ValidReports.FORM));
        assertThat(empty.at("/reporting/received").asInt()).isZero();
        assertThat(empty.at("/reporting/missingCount").asInt()).isEqualTo(townships.size() + 1);
        assertThat(empty.at("/reports").asInt()).isZero();
    }

    @Test
    void theMissingListOfTheNationIsCappedWhileItsCountStaysExact() {
        JsonNode nation = json(given().when().get("/api/v1/aggregates/CN/2031").then().statusCode(200)).get("reporting");

        assertThat(nation.get("expected").asInt()).isGreaterThanOrEqualTo(41_352);
        assertThat(nation.get("missingCount").asInt()).isEqualTo(nation.get("expected").asInt());
        List<String> missing = StreamSupport.stream(nation.get("missing").spliterator(), false)
                .map(m -> m.get("code").asText()).toList();
        assertThat(missing).hasSize(500).isSorted().startsWith("110101001");
    }

    @Test
    void aTrendHasOneEntryPerYearWithZerosWhereNothingWasReported() {
        JsonNode trend = json(given().when().get("/api/v1/aggregates/{code}/trend?from=2022&to=2024", COUNTY).then().statusCode(200));

        assertThat(trend.get("years")).hasSize(3);
        assertThat(trend.at("/years/0/year").asInt()).isEqualTo(2022);
        assertThat(cells(trend.at("/years/0/totals"))).isEqualTo(CellValues.zero(ValidReports.FORM));
        assertThat(cells(trend.at("/years/1/totals"))).isEqualTo(expectedCountyTotal);
        assertThat(trend.at("/years/1/reporting/received").asInt()).isEqualTo(4);
    }

    @Test
    void unknownUnitsAndUnsupportedYearsAreProblems() {
        for (String path : List.of("/api/v1/aggregates/999999/2023", "/api/v1/aggregates/999999/2023/children",
                "/api/v1/aggregates/999999/trend?from=2022&to=2023", "/api/v1/checks/999999/2023")) {
            given().when().get(path).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(404)).body("type", equalTo("/problems/unknown-unit"));
        }
        given().when().get("/api/v1/aggregates/620102/2018").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400)).body("type", equalTo("/problems/invalid-request"));
        given().when().get("/api/v1/aggregates/620102/2023?formVersion=2020").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/invalid-parameter"))
                .body("violations[0].pointers[0]", equalTo("formVersion"));
        for (String path : List.of("/api/v1/aggregates/620102/trend?from=2018&to=2023",
                "/api/v1/aggregates/620102/trend?from=2023", "/api/v1/aggregates/620102/trend?from=2024&to=2023")) {
            given().when().get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("status", equalTo(400)).body("type", equalTo("/problems/invalid-parameter"));
        }
        given().when().get("/api/v1/aggregates/620102/abcd").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void anUnchangedAggregateAnswers304ToItsETagAndANewVersionChangesIt() {
        String etag = given().when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        given().header("If-None-Match", etag).when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().statusCode(304).header("ETag", etag);

        Division elsewhere = DivisionTable.national().children("620103").get(0);
        StubFeed.publishAndAwait(StubFeed.entry(elsewhere.code(), elsewhere.name(), null, 2029, 1,
                ValidReports.random(new Random(1), 5), ON_TIME, List.of()));
        String changed = given().header("If-None-Match", etag).when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().statusCode(200).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void dashboardsOnConfiguredOriginsMayReadAggregatesAndTheirETag() {
        given().header("Origin", "https://dashboard.example.org").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example.org");
        given().header("Origin", "https://dashboard.example.org")
                .when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://dashboard.example.org")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("ETag"));
        given().header("Origin", "https://elsewhere.example.com")
                .when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void feesAddUpExactlyToTheLastDecimal() {
        BigDecimal sum = expectedCountyTotal.get("activeDisclosure.fees.amountWanYuan");
        String body = given().when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR).then().statusCode(200)
                .extract().asString();
        assertThat(body).contains("\"amountWanYuan\":" + sum.stripTrailingZeros().toPlainString());
    }
}
