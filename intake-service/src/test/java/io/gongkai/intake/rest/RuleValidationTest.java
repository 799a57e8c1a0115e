package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the form, with a report that passes it and one that breaks it. */
@QuarkusTest
class RuleValidationTest {

    private static final String TOWNSHIP = "640402105";
    private static final String NAME = "原州区张易镇";

    @Inject
    Tables tables;

    @Test
    void aConsistentBusyReportPassesEveryRule() throws Exception {
        JsonNode report = validate(Reports.busy(TOWNSHIP, NAME, 2023), 200);
        assertThat(report.get("valid").booleanValue()).isTrue();
        assertThat(report.get("warnings")).isEmpty();
    }

    @Test
    void r31ColumnsMustBalanceBetweenReceivedAndHandled() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.row(report, "applications.carriedForward", 2, 0);
        Reports.row(report, "applications.results.total", 5, 1);
        JsonNode problem = rejected(report, 422);
        assertThat(violations(problem, "R3.1")).extracting(v -> v.get("pointers").toString())
                .anySatisfy(p -> assertThat(p).contains("/applications/newReceived/naturalPerson")
                        .contains("/applications/carriedForward/naturalPerson"))
                .hasSize(2);
        JsonNode first = violations(problem, "R3.1").get(0);
        assertThat(first.get("expected").asText()).isEqualTo("7");
        assertThat(first.get("actual").asText()).isEqualTo("6");
    }

    @Test
    void r32TheResultTotalIsTheSumOfEveryResultRow() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.row(report, "applications.results.other.other", 1, 0);
        JsonNode problem = rejected(report, 422);
        assertThat(violations(problem, "R3.2")).hasSize(2)
                .allSatisfy(v -> assertThat(v.get("pointers").toString()).contains("/applications/results/other/other/"));
        assertThat(violations(problem, "R3.1")).isEmpty();
    }

    @Test
    void r33EveryRowTotalIsTheSumOfItsApplicantColumns() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.set(report, "applications.results.withheld.stateSecret.researchInstitution", 1);
        Reports.set(report, "applications.results.withheld.stateSecret.total", 1);
        Reports.set(report, "applications.newReceived.total", 6);
        JsonNode problem = rejected(report, 422);
        assertThat(violations(problem, "R3.3")).extracting(v -> v.get("pointers").get(0).asText())
                .contains("/applications/results/withheld/stateSecret/total", "/applications/newReceived/total");
    }

    @Test
    void r41ReviewAndLitigationTotalsAreTheSumOfTheirOutcomes() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.set(report, "reviewLitigation.litigationDirect.corrected", 1);
        Reports.set(report, "reviewLitigation.review.total", 3);
        JsonNode problem = rejected(report, 422);
        assertThat(violations(problem, "R4.1")).extracting(v -> v.get("pointers").get(0).asText())
                .containsExactlyInAnyOrder("/reviewLitigation/review/total", "/reviewLitigation/litigationDirect/total");
    }

    @Test
    void everyViolationIsListedAtOnce() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.set(report, "reviewLitigation.review.total", 9);
        Reports.set(report, "applications.carriedOver.total", 9);
        JsonNode problem = rejected(report, 422);
        assertThat(problem.get("violations")).extracting(v -> v.get("rule").asText()).contains("R4.1", "R3.3", "R3.1");
    }

    @Test
    void r22WarnsWhenATownshipReportsRegulationsButNotACity() throws Exception {
        ObjectNode township = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.set(township, "activeDisclosure.regulations.issued", 1);
        Reports.set(township, "activeDisclosure.regulations.inForce", 1);
        JsonNode report = validate(township, 200);
        assertThat(report.get("warnings")).extracting(w -> w.get("rule").asText()).containsExactly("R2.2", "R2.2");

        ObjectNode city = Reports.busy("6404", "固原市人民政府", 2023);
        Reports.set(city, "activeDisclosure.regulations.issued", 1);
        Reports.set(city, "activeDisclosure.regulations.inForce", 1);
        assertThat(validate(city, 200).get("warnings")).isEmpty();
    }

    @Test
    void crossYearRulesCompareWithTheStoredPreviousYear() throws Exception {
        String unit = "640402106";
        ObjectNode previous = Reports.busy(unit, "原州区彭堡镇", 2022);
        submit(previous, 201);

        ObjectNode consistent = Reports.busy(unit, "原州区彭堡镇", 2023);
        Reports.row(consistent, "applications.carriedOver", 1, 0);
        Reports.row(consistent, "applications.newReceived", 5, 1);
        Reports.set(consistent, "activeDisclosure.normativeDocuments.inForce", 15);
        assertThat(validate(consistent, 200).get("warnings")).isEmpty();

        ObjectNode broken = Reports.busy(unit, "原州区彭堡镇", 2023);
        JsonNode receipt = submit(broken, 201);
        assertThat(receipt.get("warnings")).extracting(w -> w.get("rule").asText())
                .contains("X1", "X2").doesNotContain("R2.2");
        JsonNode x2 = receipt.get("warnings").findParents("rule").stream()
                .filter(w -> w.get("rule").asText().equals("X2")).findFirst().orElseThrow();
        assertThat(x2.get("pointers").toString()).contains("/activeDisclosure/normativeDocuments/inForce");

        JsonNode stored = Reports.JSON.readTree(Api.reader().get("/api/v1/submissions/" + unit + "/2023")
                .then().statusCode(200).extract().asString());
        assertThat(stored.get("warnings")).extracting(w -> w.get("rule").asText()).contains("X1", "X2");
    }

    @Test
    void aNameWithoutTheRegisteredNameIsAWarning() throws Exception {
        JsonNode report = validate(Reports.busy(TOWNSHIP, "某某镇", 2023), 200);
        assertThat(report.get("warnings")).extracting(w -> w.get("rule").asText()).containsExactly("NAME");
        assertThat(report.get("warnings").get(0).get("expected").asText()).isEqualTo("张易镇");
    }

    @Test
    void missingCellsAndWrongTypesAreStructuralErrorsListedTogether() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, NAME, 2023);
        Reports.remove(report, "reviewLitigation.review");
        Reports.set(report, "activeDisclosure.licensing.decisions", Reports.JSON.getNodeFactory().textNode("x件"));
        Reports.set(report, "activeDisclosure.penalty.decisions", Reports.JSON.getNodeFactory().numberNode(1.5));
        Reports.set(report, "activeDisclosure.fees.amountWanYuan", Reports.JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1.0000001")));
        Reports.set(report, "activeDisclosure.coercion.decisions", -1);
        report.put("extra", 1);
        JsonNode problem = rejected(report, 400);
        Map<String, String> rules = new java.util.HashMap<>();
        problem.get("violations").forEach(v -> rules.put(v.get("pointers").get(0).asText(), v.get("rule").asText()));
        assertThat(rules).containsEntry("/reviewLitigation/review", "M")
                .containsEntry("/activeDisclosure/licensing/decisions", "R2.1")
                .containsEntry("/activeDisclosure/penalty/decisions", "R2.1")
                .containsEntry("/activeDisclosure/fees/amountWanYuan", "R2.1")
                .containsEntry("/activeDisclosure/coercion/decisions", "R2.1")
                .containsEntry("/extra", "SCHEMA");
    }

    @Test
    void theUnitAndYearMustBeKnown() throws Exception {
        assertThat(rules(rejected(Reports.busy("640402999", NAME, 2023), 400))).containsExactly("UNIT");
        assertThat(rules(rejected(Reports.busy(TOWNSHIP, NAME, 2018), 400))).containsExactly("YEAR");
        assertThat(rules(rejected(Reports.busy(TOWNSHIP, NAME, 2099), 400))).containsExactly("YEAR");
        assertThat(rules(rejected(department("649999-GTJ", "649999"), 400))).containsExactly("UNIT");
    }

    @Test
    void aDepartmentsCodeStartsWithItsGovernmentsCodeAndIsUpperCase() throws Exception {
        submit(department("640402-JYJ", "640402"), 201);
        for (String code : List.of("640422-JYJ", "640402-jyj", "640402-", "640402--JYJ", "64-0402-JYJ",
                "640402-JYJ-", "640402100", "640402-ＪＹＪ")) {
            assertThat(rules(rejected(department(code, "640402"), 400))).as(code).containsExactly("UNIT");
        }
        JsonNode lowerCase = rejected(department("640402-jyj", "640402"), 400);
        assertThat(lowerCase.at("/violations/0/message").asText()).contains("upper case, 640402-JYJ");
    }

    @Test
    void divisionCodesAndTheNationAreNeverDepartments() throws Exception {
        for (ObjectNode report : List.of(Reports.busy("CN", "全国", 2023), department("CN", "640402"),
                department("JYJ", "640402"), department("６４０４０２-JYJ", "640402"))) {
            String body = Reports.text(report);
            Api.submitter().contentType(JSON).body(body).when().post("/api/v1/submissions")
                    .then().statusCode(403).body("violations[0].rule", org.hamcrest.Matchers.equalTo("SCOPE"));
            Api.auditor().contentType(JSON).body(body).when().post("/api/v1/submissions/validate")
                    .then().statusCode(400).body("violations.rule", org.hamcrest.Matchers.hasItem("UNIT"));
        }
    }

    private static ObjectNode department(String code, String government) {
        ObjectNode department = Reports.busy(code, "原州区教育局", 2023);
        ((ObjectNode) department.get("unit")).put("parentCode", government);
        return department;
    }

    private JsonNode validate(ObjectNode report, int status) throws Exception {
        Map<String, Long> before = tables.snapshot();
        String body = Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions/validate")
                .then().statusCode(status).extract().asString();
        assertThat(tables.snapshot()).isEqualTo(before);
        return Reports.JSON.readTree(body);
    }

    private static JsonNode submit(ObjectNode report, int status) throws Exception {
        return Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(status).extract().asString());
    }

    /** Rejected by submit and by validate alike, with nothing stored. */
    private JsonNode rejected(ObjectNode report, int status) throws Exception {
        Map<String, Long> before = tables.snapshot();
        String body = Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(status).contentType("application/problem+json").extract().asString();
        Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions/validate")
                .then().statusCode(status).contentType("application/problem+json");
        assertThat(tables.snapshot()).isEqualTo(before);
        JsonNode problem = Reports.JSON.readTree(body);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("/problems/");
        return problem;
    }

    private static List<JsonNode> violations(JsonNode problem, String rule) {
        return problem.get("violations").findParents("rule").stream()
                .filter(v -> v.get("rule").asText().equals(rule)).toList();
    }

    private static List<String> rules(JsonNode problem) {
        return problem.get("violations").findValuesAsText("rule").stream().distinct().toList();
    }
}
