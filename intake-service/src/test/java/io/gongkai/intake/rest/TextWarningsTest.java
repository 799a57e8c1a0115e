package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** What a report's texts say is checked on validation and kept with the stored version, as warnings. */
@QuarkusTest
class TextWarningsTest {

    private static final String TOWNSHIP = "640402002";

    @Inject
    Tables tables;

    @Test
    void textWarningsAreAnsweredByValidateAndKeptWithTheVersion() throws Exception {
        ObjectNode report = Reports.busy(TOWNSHIP, "原州区古雁街道", 2023);
        ObjectNode text = (ObjectNode) report.get("text");
        text.put("overview", "2023年度，我镇未收到信息公开申请。全年共主动公开政务信息6条。");
        text.put("problemsAndImprovements", "");
        text.put("otherMatters", "规范做好留言选登。办理中国政府网网民留言x件；未收取信息处理费。");

        Map<String, Long> before = tables.snapshot();
        JsonNode validated = Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions/validate")
                .then().statusCode(200).extract().asString());
        assertThat(tables.snapshot()).isEqualTo(before);

        JsonNode warnings = validated.get("warnings");
        assertThat(validated.get("valid").booleanValue()).isTrue();
        assertThat(warnings).extracting(w -> w.get("rule").asText())
                .containsExactly("TEXT.CONTRADICTS_TABLE", "TEXT.EMPTY_PART5", "TEXT.PLACEHOLDER");
        assertThat(warnings).allSatisfy(w -> assertThat(w.get("severity").asText()).isEqualTo("WARNING"));
        assertThat(warnings.get(0).get("pointers")).extracting(JsonNode::asText)
                .containsExactly("/text/overview", "/applications/newReceived/total");
        assertThat(warnings.get(0).get("expected").asText()).isEqualTo("5");
        assertThat(warnings.get(0).get("actual").asText()).isEqualTo("2023年度，我镇未收到信息公开申请");
        assertThat(warnings.get(1).get("pointers")).extracting(JsonNode::asText)
                .containsExactly("/text/problemsAndImprovements");
        assertThat(warnings.get(2).get("pointers")).extracting(JsonNode::asText).containsExactly("/text/otherMatters");
        assertThat(warnings.get(2).get("actual").asText()).isEqualTo("办理中国政府网网民留言x件");

        JsonNode receipt = Reports.JSON.readTree(Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions")
                .then().statusCode(201).extract().asString());
        assertThat(receipt.get("warnings")).isEqualTo(warnings);
        JsonNode stored = Reports.JSON.readTree(Api.reader().get("/api/v1/submissions/" + TOWNSHIP + "/2023")
                .then().statusCode(200).extract().asString());
        assertThat(stored.get("warnings")).isEqualTo(warnings);
    }
}
