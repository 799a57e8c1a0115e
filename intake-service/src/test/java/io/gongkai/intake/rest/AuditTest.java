package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
                page -> page.get("total").intValue() >= 3);
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

        JsonNode anonymous = await().atMost(Duration.ofSeconds(5))
                .until(() -> audit("outcome=REJECTED&from=" + start.toString().replace("+", "%2B")),
                        page -> page.findValues("status").stream().anyMatch(s -> s.intValue() == 401));
        JsonNode unauthenticated = anonymous.get("items").findParents("status").stream()
                .filter(r -> r.get("status").intValue() == 401).findFirst().orElseThrow();
        assertThat(unauthenticated.get("principal").isNull()).isTrue();
        assertThat(unauthenticated.get("unitCode").isNull()).as("an unauthenticated body is not read").isTrue();

        assertThat(audit("unitCode=" + UNIT + "&outcome=ACCEPTED").get("total").intValue()).isEqualTo(1);
        assertThat(audit("unitCode=" + UNIT + "&to=" + start.toString().replace("+", "%2B")).get("total").intValue())
                .isZero();
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
