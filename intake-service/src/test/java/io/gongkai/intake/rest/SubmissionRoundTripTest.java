package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
class SubmissionRoundTripTest {

    @Inject
    Tables tables;

    @Test
    void theSanyingReportRoundTripsWithReplayAndCorrection() throws Exception {
        ObjectNode report = Reports.sanying();
        long versionsBefore = tables.query("SELECT COUNT(*) FROM submission_version");

        Response created = Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/submissions/640402100/2023/versions/1"))
                .extract().response();
        assertThat(created.jsonPath().getString("unitCode")).isEqualTo("640402100");
        assertThat(created.jsonPath().getInt("year")).isEqualTo(2023);
        assertThat(created.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(created.jsonPath().getString("contentHash")).hasSize(64);
        assertThat(created.jsonPath().getString("receivedAt")).isNotBlank();
        assertThat(created.jsonPath().getList("warnings")).isEmpty();

        JsonNode stored = current("640402100", 2023);
        assertThat(stored.get("version").intValue()).isEqualTo(1);
        assertThat(stored.at("/submission/activeDisclosure/licensing/decisions").intValue()).isEqualTo(179);
        assertThat(stored.at("/submission/unit/name").textValue()).isEqualTo("原州区三营镇");
        assertThat(stored.at("/submission/text/otherMatters").textValue()).contains("未收取信息处理费");

        Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(200)
                .extract().response()
                .then().body("version", org.hamcrest.Matchers.equalTo(1))
                .body("contentHash", org.hamcrest.Matchers.equalTo(created.jsonPath().getString("contentHash")));
        assertThat(tables.query("SELECT COUNT(*) FROM submission_version")).isEqualTo(versionsBefore + 1);

        Reports.set(report, "activeDisclosure.licensing.decisions", 180);
        Reports.set(report, "activeDisclosure.fees.amountWanYuan", new BigDecimal("0.000001"));
        Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/submissions/640402100/2023/versions/2"))
                .body("version", org.hamcrest.Matchers.equalTo(2));

        JsonNode history = Reports.JSON.readTree(Api.auditor().when().get("/api/v1/submissions/640402100/2023/versions")
                .then().statusCode(200).extract().asString()).get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).at("/submission/activeDisclosure/licensing/decisions").intValue()).isEqualTo(179);
        assertThat(history.get(1).at("/submission/activeDisclosure/licensing/decisions").intValue()).isEqualTo(180);
        assertThat(history.get(1).at("/submission/activeDisclosure/fees/amountWanYuan").decimalValue())
                .isEqualByComparingTo("0.000001");
        assertThat(current("640402100", 2023).get("version").intValue()).isEqualTo(2);

        Api.auditor().when().get(created.header("Location"))
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aBodyThatSaysTheSameWithOtherSpellingIsAReplay() {
        ObjectNode report = Reports.busy("640402104", "原州区开城镇", 2023);
        Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions").then().statusCode(201);

        String respelled = Reports.text(report).replace("5949.088667", "5949.0886670");
        Api.submitter().contentType(JSON).body(respelled).when().post("/api/v1/submissions")
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void unknownReportsAnswer404Problems() {
        Api.reader().when().get("/api/v1/submissions/640402199/2023")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(404));
        Api.auditor().when().get("/api/v1/submissions/640402199/2023/versions")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theListShowsCurrentVersionsOfAYearAndPrefix() {
        for (String code : List.of("640422100", "640422101")) {
            ObjectNode report = Reports.forUnit(code, "西吉县", 2022);
            Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions").then().statusCode(201);
            Reports.set(report, "activeDisclosure.penalty.decisions", 2);
            Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions").then().statusCode(201);
        }
        Api.reader().when().get("/api/v1/submissions?year=2022&unitPrefix=640422&size=1&page=1")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].unitCode", org.hamcrest.Matchers.equalTo("640422101"))
                .body("items[0].version", org.hamcrest.Matchers.equalTo(2));
        Api.reader().when().get("/api/v1/submissions?size=0").then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonNode current(String unit, int year) throws Exception {
        return Reports.JSON.readTree(Api.reader().when().get("/api/v1/submissions/" + unit + "/" + year)
                .then().statusCode(200).extract().asString());
    }
}
