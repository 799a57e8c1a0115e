package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports for 2019 and 2020 in the trial form (国办公开办函〔2019〕60号): chosen by year or named, judged by its own
 * rules, and compared across the change of form only by the rules that hold across it.
 */
@QuarkusTest
class TrialFormTest {

    private static final FormDefinition FORM_2019 = ValidReports.FORM_2019;
    private static final String TOWNSHIP = "640423202";
    private static final String NAME = "隆德县观庄乡";
    private static final String AMOUNT = "activeDisclosure.procurement.totalAmount";

    private final Random random = new Random();

    @Test
    void aValidReportFor2019And2020UsesTheTrialFormByDefault() throws Exception {
        for (int year : List.of(2019, 2020)) {
            ObjectNode report = submission(FORM_2019, year);
            report.remove("formVersion");
            JsonNode answer = validate(report, 200);
            assertThat(answer.get("formVersion").asText()).isEqualTo("2019");
            assertThat(answer.get("warnings")).as("year %d", year).isEmpty();
        }
    }

    @Test
    void resultTotalsRunOverTheNineteenRowsOfTheTrialForm() throws Exception {
        ObjectNode report = submission(FORM_2019, 2019);
        Reports.set(report, "applications.results.other.naturalPerson",
                report.at("/applications/results/other/naturalPerson").longValue() + 1);
        JsonNode problem = rejected(report, 422);
        assertThat(rules(problem)).contains("R3.2", "R3.3");
        assertThat(problem.toString()).contains("/applications/results/other/naturalPerson");
    }

    @Test
    void changesThisYearMayBeNegativeButCountsMayNot() throws Exception {
        ObjectNode fewer = submission(FORM_2019, 2019);
        Reports.set(fewer, "activeDisclosure.licensing.changeThisYear", -8);
        assertThat(validate(fewer, 200).get("warnings")).isEmpty();

        ObjectNode negative = submission(FORM_2019, 2019);
        Reports.set(negative, "activeDisclosure.licensing.previousYearItems", -8);
        JsonNode problem = rejected(negative, 400);
        assertThat(problem.at("/violations/0/rule").asText()).isEqualTo("R2.1");
        assertThat(problem.at("/violations/0/pointers/0").asText()).isEqualTo("/activeDisclosure/licensing/previousYearItems");
    }

    @Test
    void moreNewlyPublishedThanPublishedInTotalIsAWarning() throws Exception {
        ObjectNode report = submission(FORM_2019, 2019);
        long total = report.at("/activeDisclosure/normativeDocuments/totalPublished").longValue();
        Reports.set(report, "activeDisclosure.normativeDocuments.newlyPublished", total + 1);
        assertThat(validate(report, 200).get("warnings")).extracting(w -> w.get("rule").asText()).containsExactly("P2.1");
    }

    @Test
    void theProcurementAmountComesWithItsUnit() throws Exception {
        ObjectNode inYuan = submission(FORM_2019, 2019);
        Reports.set(inYuan, AMOUNT, amount("251000.50", "元"));
        assertThat(validate(inYuan, 200).get("warnings")).isEmpty();

        ObjectNode noUnit = submission(FORM_2019, 2019);
        ObjectNode bare = Reports.JSON.createObjectNode();
        bare.set("amount", Reports.JSON.getNodeFactory().numberNode(new BigDecimal("251000")));
        Reports.set(noUnit, AMOUNT, bare);
        JsonNode warned = validate(noUnit, 200);
        assertThat(warned.get("warnings")).extracting(w -> w.get("rule").asText()).containsExactly("UNIT");
        assertThat(warned.at("/warnings/0/pointers/0").asText()).isEqualTo("/activeDisclosure/procurement/totalAmount/unit");

        ObjectNode dollars = submission(FORM_2019, 2019);
        Reports.set(dollars, AMOUNT, amount("1", "美元"));
        assertThat(rules(rejected(dollars, 400))).containsExactly("SCHEMA");

        ObjectNode plainNumber = submission(FORM_2019, 2019);
        Reports.set(plainNumber, AMOUNT, 251000);
        assertThat(rules(rejected(plainNumber, 400))).containsExactly("SCHEMA");

        ObjectNode fractionOfAFen = submission(FORM_2019, 2019);
        Reports.set(fractionOfAFen, AMOUNT, amount("0.001", "元"));
        assertThat(rules(rejected(fractionOfAFen, 400))).containsExactly("R2.1");
    }

    @Test
    void anExplicitFormVersionOverridesTheYearsButNotBeforeTheFormExisted() throws Exception {
        ObjectNode oldLayout = submission(FORM_2019, 2022);
        JsonNode kept = validate(oldLayout, 200);
        assertThat(kept.get("formVersion").asText()).isEqualTo("2019");
        assertThat(kept.get("warnings")).extracting(w -> w.get("rule").asText()).containsExactly("FORM");

        ObjectNode tooEarly = submission(ValidReports.FORM, 2020);
        assertThat(rules(rejected(tooEarly, 400))).containsExactly("FORM");
    }

    @Test
    void carriedApplicationsAreComparedAcrossTheChangeOfFormButDocumentsInForceAreNot() throws Exception {
        String unit = "640423203";
        String name = "隆德县杨河乡";
        CellValues report2019 = ValidReports.random(FORM_2019, random, 20);
        CellValues report2020 = ValidReports.following(FORM_2019, random, 20, report2019);
        CellValues report2021 = ValidReports.following(ValidReports.FORM, random, 20, report2020);
        assertThat(submit(ValidReports.submission(unit, name, null, 2019, report2019)).get("warnings")).isEmpty();
        assertThat(submit(ValidReports.submission(unit, name, null, 2020, report2020)).get("warnings")).isEmpty();
        assertThat(submit(ValidReports.submission(unit, name, null, 2021, report2021)).get("warnings"))
                .as("X1 holds from 2020 to 2021 and X2 is not applied across forms").isEmpty();

        ObjectNode broken2021 = ValidReports.submission(unit, name, null, 2021, report2021);
        Reports.set(broken2021, "applications.carriedOver.naturalPerson",
                report2021.get("applications.carriedOver.naturalPerson").longValueExact() + 1);
        Reports.set(broken2021, "applications.carriedForward.naturalPerson",
                report2021.get("applications.carriedForward.naturalPerson").longValueExact() + 1);
        Reports.set(broken2021, "applications.carriedForward.total",
                report2021.get("applications.carriedForward.total").longValueExact() + 1);
        Reports.set(broken2021, "applications.carriedOver.total",
                report2021.get("applications.carriedOver.total").longValueExact() + 1);
        Reports.set(broken2021, "activeDisclosure.normativeDocuments.inForce", 999_999);
        assertThat(validate(broken2021, 200).get("warnings")).extracting(w -> w.get("rule").asText())
                .contains("X1").doesNotContain("X2");

        ObjectNode broken2020 = ValidReports.submission(unit, name, null, 2020, report2020);
        Reports.set(broken2020, "activeDisclosure.normativeDocuments.totalPublished",
                report2020.get("activeDisclosure.normativeDocuments.totalPublished").longValueExact() + 7);
        assertThat(validate(broken2020, 200).get("warnings")).extracting(w -> w.get("rule").asText())
                .containsExactly("X3");
    }

    @Test
    void aStoredTrialFormReportReadsBackWithTheAmountAsGiven() throws Exception {
        String unit = "640423201";
        ObjectNode report = submission(FORM_2019, 2020, unit, "隆德县好水乡");
        Reports.set(report, AMOUNT, amount("251000", "元"));
        submit(report);
        JsonNode stored = Reports.JSON.readTree(Api.reader().get("/api/v1/submissions/" + unit + "/2020")
                .then().statusCode(200).extract().asString());
        assertThat(stored.toString()).contains("\"formVersion\":\"2019\"");
        assertThat(stored.findValue("procurement").get("totalAmount").get("unit").asText()).isEqualTo("元");
        assertThat(stored.findValue("procurement").get("totalAmount").get("amount").decimalValue())
                .isEqualByComparingTo("251000");
    }

    private ObjectNode submission(FormDefinition form, int year) {
        return submission(form, year, TOWNSHIP, NAME);
    }

    private ObjectNode submission(FormDefinition form, int year, String unit, String name) {
        return ValidReports.submission(unit, name, null, year, ValidReports.random(form, random, 20));
    }

    private static ObjectNode amount(String amount, String unit) {
        ObjectNode value = Reports.JSON.createObjectNode();
        value.set("amount", Reports.JSON.getNodeFactory().numberNode(new BigDecimal(amount)));
        value.put("unit", unit);
        return value;
    }

    private static JsonNode validate(ObjectNode report, int status) throws Exception {
        return Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions/validate").then().statusCode(status).extract().asString());
    }

    private static JsonNode submit(ObjectNode report) throws Exception {
        return Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(201).extract().asString());
    }

    private static JsonNode rejected(ObjectNode report, int status) throws Exception {
        return Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions/validate").then().statusCode(status)
                .contentType("application/problem+json").extract().asString());
    }

    private static List<String> rules(JsonNode problem) {
        return problem.get("violations").findValuesAsText("rule").stream().distinct().toList();
    }
}
