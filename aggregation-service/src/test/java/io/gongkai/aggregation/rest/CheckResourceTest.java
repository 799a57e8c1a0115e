package io.gongkai.aggregation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks over 西宁市城东区 (630102) for 2022: a township consistent with 2021, one whose carried-over applications
 * break X1, one whose report carries a warning, and the rest missing. No other test uses 6301.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckResourceTest {

    static final String COUNTY = "630102";
    static final OffsetDateTime AT = OffsetDateTime.parse("2023-01-10T09:00:00+08:00");

    static List<Division> townships;
    static Division consistent;
    static Division breaking;
    static Division warned;
    static CellValues breaking2021;
    static CellValues breaking2022;

    @BeforeEach
    void feedReportsOnce() {
        if (townships != null) {
            return;
        }
        townships = DivisionTable.national().children(COUNTY);
        consistent = townships.get(0);
        breaking = townships.get(1);
        warned = townships.get(2);
        Random random = new Random(630102);
        CellValues consistent2021 = ValidReports.random(random, 10);
        breaking2021 = ValidReports.random(random, 10);
        breaking2022 = ValidReports.following(random, 10, ValidReports.random(random, 10));
        assertThat(breaking2022.get("applications.carriedOver.total"))
                .isNotEqualByComparingTo(breaking2021.get("applications.carriedForward.total"));
        Finding regulationWarning = Finding.warning("R2.2", "/activeDisclosure/regulations/issued", "0", "1",
                "乡镇、街道和县级机关不能制定规章：规章各栏应为 0");
        Finding intakesOwnX1 = Finding.warning("X1", "/applications/carriedOver/total", "0", "1", "as intake saw it");
        StubFeed.publishAndAwait(
                entry(consistent, 2021, consistent2021, List.of()),
                entry(consistent, 2022, ValidReports.following(random, 10, consistent2021), List.of()),
                entry(breaking, 2021, breaking2021, List.of()),
                entry(breaking, 2022, breaking2022, List.of(intakesOwnX1)),
                entry(warned, 2022, ValidReports.random(random, 10), List.of(regulationWarning)));
    }

    static io.gongkai.contracts.api.FeedEntry entry(Division township, int year, CellValues cells, List<Finding> warnings) {
        return StubFeed.entry(township.code(), township.name(), null, year, 1, cells, AT, warnings);
    }

    @Test
    @Order(1)
    void findingsNameCrossYearBreaksWarningsAndMissingUnits() {
        JsonNode checks = json(given().when().get("/api/v1/checks/{code}/2022", COUNTY).then().statusCode(200));
        List<JsonNode> findings = StreamSupport.stream(checks.get("findings").spliterator(), false).toList();

        assertThat(findings).filteredOn(f -> f.get("unitCode").asText().equals(consistent.code())).isEmpty();
        assertThat(findings).filteredOn(f -> f.get("category").asText().equals("CROSS_YEAR"))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.get("unitCode").asText()).isEqualTo(breaking.code());
                    assertThat(f.get("rule").asText()).isIn("X1", "X2");
                });
        assertThat(findings).filteredOn(f -> f.get("category").asText().equals("CROSS_YEAR"))
                .anySatisfy(f -> assertThat(f.get("pointers").toString()).contains("/applications/carriedOver/total"));
        assertThat(findings).filteredOn(f -> f.get("category").asText().equals("REPORT_WARNING"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.get("unitCode").asText()).isEqualTo(warned.code());
                    assertThat(f.get("rule").asText()).isEqualTo("R2.2");
                });
        List<String> missing = findings.stream().filter(f -> f.get("category").asText().equals("MISSING"))
                .map(f -> f.get("unitCode").asText()).toList();
        assertThat(missing).hasSize(townships.size() - 3).doesNotContain(consistent.code(), breaking.code(), warned.code())
                .isSorted();
        assertThat(checks.get("missingCount").asInt()).isEqualTo(townships.size() - 3);
    }

    @Test
    @Order(2)
    void correctingLastYearsReportClearsTheCrossYearBreakOfThisYear() {
        CellValues.Builder corrected = CellValues.builder(ValidReports.FORM);
        ValidReports.FORM.cells().forEach(c -> corrected.set(c, breaking2021.get(c)));
        // Make 2021's carried-forward applications what 2022 says it carried over, keeping 2021 valid (R3.1-R3.3).
        for (String column : List.of("naturalPerson", "commercialEnterprise", "researchInstitution", "publicWelfareOrg",
                "legalServiceOrg", "otherOrg", "total")) {
            BigDecimal forward = breaking2022.get("applications.carriedOver." + column);
            BigDecimal shift = forward.subtract(breaking2021.get("applications.carriedForward." + column));
            corrected.set("applications.carriedForward." + column, forward);
            corrected.set("applications.newReceived." + column,
                    breaking2021.get("applications.newReceived." + column).add(shift));
        }
        corrected.set("activeDisclosure.normativeDocuments.inForce",
                breaking2022.get("activeDisclosure.normativeDocuments.inForce")
                        .subtract(breaking2022.get("activeDisclosure.normativeDocuments.issued"))
                        .add(breaking2022.get("activeDisclosure.normativeDocuments.repealed")));
        CellValues fixed = corrected.build();
        assertThat(io.gongkai.contracts.form.RuleEvaluator.crossYear(breaking2022, fixed,
                io.gongkai.contracts.form.GovernmentLevel.TOWNSHIP)).isEmpty();

        StubFeed.publishAndAwait(StubFeed.entry(breaking.code(), breaking.name(), null, 2021, 2, fixed, AT, List.of()));

        JsonNode checks = json(given().when().get("/api/v1/checks/{code}/2022", COUNTY).then().statusCode(200));
        assertThat(StreamSupport.stream(checks.get("findings").spliterator(), false))
                .noneMatch(f -> f.get("category").asText().equals("CROSS_YEAR"));
    }
}
