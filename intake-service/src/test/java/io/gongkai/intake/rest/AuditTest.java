package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every write attempt is in the audit trail, which only auditors read and nobody can change. */
@QuarkusTest
class AuditTest {

    @Inject
    Tables tables;

    private static final String UNIT = "640402001";
    private static final String NAME = "原州区南关街道";

    @Test
    void acceptedReplayedAndRejectedAttemptsAreRecorded() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        var report = Reports.busy(UNIT, NAME, 2023);
        JsonNode receipt = Reports.JSON.readTree(Api.submitter("640402").contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(201).extract().asString());
        Api.submitter("640402").contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(200);
        Reports.set(report, "reviewLitigation.review.total", 7);
        Api.submitter("640402").contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(422);
        RestAssured.given().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(401);

        JsonNode records = await().atMost(Duration.ofSeconds(5)).until(() -> audit("unitCode=" + UNIT),
                page -> page.get("items").size() >= 3);
        assertThat(records.get("total").intValue()).isEqualTo(3);
        Iterator<JsonNode> newestFirst = records.get("items").elements();
        JsonNode rejected = newestFirst.next();
        JsonNode replayed = newestFirst.next();
        JsonNode accepted = newestFirst.next();

        assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("status").intValue()).isEqualTo(201);
        assertThat(accepted.get("principal").asText()).isEqualTo("test-submitter");
        assertThat(accepted.get("role").asText()).isEqualTo("submitter");
        assertThat(accepted.get("scope").asText()).isEqualTo("640402");
        assertThat(accepted.get("year").intValue()).isEqualTo(2023);
        assertThat(accepted.get("version").intValue()).isEqualTo(1);
        assertThat(accepted.get("contentHash").asText()).isEqualTo(receipt.get("contentHash").asText());
        assertThat(accepted.get("clientAddress").asText()).isNotBlank();

        assertThat(replayed.get("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(replayed.get("status").intValue()).isEqualTo(200);
        assertThat(replayed.get("version").intValue()).isEqualTo(1);

        assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("status").intValue()).isEqualTo(422);
        assertThat(rejected.get("ruleIds")).extracting(JsonNode::asText).containsExactly("R4.1");

        assertThat(audit("outcome=REJECTED&from=" + start.toString().replace("+", "%2B")).findValues("status"))
                .as("attempts without a valid token write nothing").noneMatch(s -> s.intValue() == 401);

        assertThat(audit("unitCode=" + UNIT + "&outcome=ACCEPTED").get("total").intValue()).isEqualTo(1);
        assertThat(audit("unitCode=" + UNIT + "&to=" + start.toString().replace("+", "%2B")).get("total").intValue())
                .isZero();
    }

    @Test
    void attemptsWithoutAValidTokenAreCountedNotStored() {
        long rowsBefore = tables.query("SELECT COUNT(*) FROM audit_record");
        double countedBefore = refusedWithoutToken();
        String body = Reports.text(Reports.busy(UNIT, NAME, 2023));
        for (int i = 0; i < 30; i++) {
            RestAssured.given().contentType(JSON).body(body).when().post("/api/v1/submissions").then().statusCode(401);
            Api.as("not.a.token").contentType(JSON).body(body).when().post("/api/v1/submissions").then().statusCode(401);
        }
        Api.as(Api.token(java.util.Set.of("submitter"), 640402)).contentType(JSON).body(body)
                .when().post("/api/v1/submissions").then().statusCode(403);

        await().atMost(Duration.ofSeconds(5)).until(() -> refusedWithoutToken() >= countedBefore + 61);
        assertThat(tables.query("SELECT COUNT(*) FROM audit_record")).isEqualTo(rowsBefore);
    }

    @Test
    void unreadableSearchParametersAreBadRequestsNamingThem() {
        for (String query : new String[] {"from=garbage", "to=2024-13-01T00:00:00Z", "outcome=FOO", "from=2024-01-01"}) {
            Api.auditor().when().get("/api/v1/audit?" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].pointers[0]", org.hamcrest.Matchers.equalTo(query.substring(0, query.indexOf('='))));
        }
        Api.auditor().when().get("/api/v1/audit?outcome=rejected").then().statusCode(200);
    }

    private static double refusedWithoutToken() {
        String metrics = RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("gongkai_intake_refused_without_token_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void onlyAuditorsReadTheAuditTrail() {
        Api.reader().when().get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        Api.submitter().when().get("/api/v1/audit").then().statusCode(403);
        Api.admin().when().get("/api/v1/audit").then().statusCode(403);
        RestAssured.given().when().get("/api/v1/audit").then().statusCode(401);
    }

    @Test
    void noEndpointChangesOrRemovesVersionsOrAuditRecords() throws Exception {
        JsonNode document = Reports.JSON.readTree(RestAssured.given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString());
        document.get("paths").fields().forEachRemaining(path -> assertThat(path.getValue().fieldNames())
                .toIterable().as(path.getKey()).allMatch(method -> method.equals("get") || method.equals("post")));
        for (String path : new String[] {"/api/v1/submissions/640402001/2023", "/api/v1/submissions/640402001/2023/versions",
                "/api/v1/submissions/640402001/2023/versions/1", "/api/v1/audit"}) {
            Api.auditor().contentType(JSON).body("{}").when().put(path).then().statusCode(405)
                    .contentType("application/problem+json");
            Api.auditor().when().delete(path).then().statusCode(405);
            Api.auditor().contentType(JSON).body("{}").when().patch(path).then().statusCode(405);
        }
    }

    private static JsonNode audit(String query) throws Exception {
        return Reports.JSON.readTree(Api.auditor().urlEncodingEnabled(false).when().get("/api/v1/audit?" + query)
                .then().statusCode(200).extract().asString());
    }
}
