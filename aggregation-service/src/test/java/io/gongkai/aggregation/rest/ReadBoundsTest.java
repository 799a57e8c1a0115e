package io.gongkai.aggregation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.aggregation.support.Tables;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What one read may cost: children come in pages, trends cover a bounded range of years, and every bad page, size or
 * year is a 400 problem naming the parameter. 城中区 (630103) with 120 departments registered in 2022; no other test
 * uses 630103.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class ReadBoundsTest {

    static final String COUNTY = "630103";
    static final int YEAR = 2022;
    static final int DEPARTMENTS = 120;
    static final OffsetDateTime AT = OffsetDateTime.parse("2023-01-10T10:00:00+08:00");

    static List<String> children;

    @Inject
    Tables tables;

    @BeforeEach
    void registerDepartmentsOnce() {
        if (children != null) {
            return;
        }
        Random random = new Random(630103);
        List<FeedEntry> entries = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS; i++) {
            String code = String.format("D630103-%03d", i);
            departments.add(code);
            entries.add(StubFeed.entry(code, "城中区部门" + i, COUNTY, YEAR, 1, ValidReports.random(random, 5), AT, List.of()));
        }
        StubFeed.publishAndAwait(entries.toArray(FeedEntry[]::new));
        children = Stream.concat(DivisionTable.national().children(COUNTY).stream().map(Division::code), departments.stream())
                .sorted().toList();
    }

    @Test
    void childrenComeInPagesThatTogetherListEveryChildOnce() {
        JsonNode first = json(given().when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).as("the default page size").isEqualTo(50);
        assertThat(first.get("total").asLong()).isEqualTo(children.size());
        assertThat(first.get("children")).hasSize(50);

        List<String> paged = new ArrayList<>();
        int pages = (children.size() + 39) / 40;
        for (int page = 0; page < pages; page++) {
            JsonNode rows = json(given().queryParam("page", page).queryParam("size", 40).when()
                    .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200)).get("children");
            assertThat(rows.size()).isEqualTo(Math.min(40, children.size() - page * 40));
            rows.forEach(row -> paged.add(row.at("/unit/code").asText()));
        }
        assertThat(paged).isEqualTo(children);

        JsonNode beyond = json(given().queryParam("page", pages).queryParam("size", 40).when()
                .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200));
        assertThat(beyond.get("children")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(children.size());
        assertThat(json(given().queryParam("size", 100).when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                .then().statusCode(200)).get("children")).hasSize(100);
    }

    @Test
    void eachPageAnswers304ToItsOwnETag() {
        String firstPage = given().queryParam("page", 0).when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                .then().statusCode(200).extract().header("ETag");
        String secondPage = given().queryParam("page", 1).when().get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR)
                .then().statusCode(200).extract().header("ETag");
        assertThat(secondPage).isNotEqualTo(firstPage);

        given().header("If-None-Match", firstPage).queryParam("page", 0).when()
                .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(304).header("ETag", firstPage);
        given().header("If-None-Match", firstPage).queryParam("page", 1).when()
                .get("/api/v1/aggregates/{code}/{year}/children", COUNTY, YEAR).then().statusCode(200).header("ETag", secondPage);
    }

    @Test
    void aBadPageOrSizeIsA400NamingItAndChangesNothing() {
        Map<String, Long> before = tables.snapshot();
        Map<String, String> bad = Map.of("page=-1", "page", "page=x", "page", "page=100001", "page",
                "page=99999999999", "page", "size=0", "size", "size=101", "size", "size=1e3", "size", "size=-5", "size",
                "page=0&size=", "", "size=2.5", "size");
        bad.forEach((query, parameter) -> {
            if (parameter.isEmpty()) {
                given().when().get("/api/v1/aggregates/{code}/{year}/children?" + query, COUNTY, YEAR).then().statusCode(200)
                        .body("size", equalTo(50));
                return;
            }
            assertNamesParameter(given().when().get("/api/v1/aggregates/{code}/{year}/children?" + query, COUNTY, YEAR)
                    .then(), parameter, query);
        });
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aTrendRunsFromTheFirstFormToNextYearAndNoFurther() {
        int nextYear = Year.now(ZoneId.of("Asia/Shanghai")).getValue() + 1;
        JsonNode trend = json(given().queryParam("from", 2021).queryParam("to", nextYear).when()
                .get("/api/v1/aggregates/CN/trend").then().statusCode(200));
        assertThat(StreamSupport.stream(trend.get("years").spliterator(), false).map(y -> y.get("year").asInt()).toList())
                .first().isEqualTo(2021);
        assertThat(trend.get("years")).hasSize(nextYear - 2021 + 1);

        Map<String, String> bad = Map.of("from=2021&to=" + (nextYear + 1), "to", "from=2021&to=2071", "to",
                "from=1971&to=2021", "from", "from=2018&to=2021", "from", "from=2024&to=2023", "to", "from=2021", "to",
                "to=2021", "from", "from=x&to=2023", "from", "from=2021&to=99999999999", "to", "from=&to=2023", "from");
        bad.forEach((query, parameter) -> assertNamesParameter(given().when().get("/api/v1/aggregates/CN/trend?" + query)
                .then(), parameter, query));
    }

    private static void assertNamesParameter(io.restassured.response.ValidatableResponse response, String parameter,
            String query) {
        JsonNode problem = json(response.statusCode(400).contentType(Problem.MEDIA_TYPE));
        assertThat(problem.get("type").asText()).as(query).isEqualTo("/problems/invalid-parameter");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).as(query).startsWith(parameter + " must be ");
        assertThat(problem.at("/violations/0/pointers/0").asText()).as(query).isEqualTo(parameter);
        assertThat(problem.at("/violations/0/rule").asText()).isEqualTo("PARAMETER");
    }
}
