package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of well over 100 hostile or broken requests: each answers 4xx with a problem, none 5xx, and no data
 * table changes. Each refused write attempt adds one audit record, and nothing else.
 */
@QuarkusTest
class HostileInputTest {

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE submission_version; --",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}", "%00", "\u0000", "' UNION SELECT *--",
            "{{7*7}}", "😀".repeat(40));

    @Inject
    Tables tables;

    record BadRequest(String name, Supplier<Response> send) {
    }

    @Test
    void everyHostileRequestGetsA4xxProblemAndChangesNoData() {
        List<BadRequest> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        Map<String, Long> before = tables.snapshot();
        List<String> failures = new ArrayList<>();
        for (BadRequest request : corpus) {
            Response response = request.send().get();
            int status = response.statusCode();
            String type = String.valueOf(response.contentType());
            if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(request.name() + " -> " + status + " " + type + " " + response.asString());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    private static List<BadRequest> corpus() {
        List<BadRequest> corpus = new ArrayList<>();
        ObjectNode valid = Reports.busy("640402205", "原州区寨科乡", 2023);
        String text = Reports.text(valid);

        for (int cut = 1; cut <= 12; cut++) {
            String truncated = text.substring(0, text.length() * cut / 13);
            corpus.add(post("truncated at " + cut + "/13", truncated));
        }
        for (String malformed : List.of("{", "}", "[]", "null", "true", "\"text\"", "42", "{\"unit\":}", "{,}",
                "{\"a\":1,}", "{'unit':1}", "{\"year\":2023}{\"year\":2023}", "\uFEFF{}", "{\"year\":NaN}",
                "{\"year\":Infinity}", "{\"year\":-Infinity}", "{\"year\":0x10}", "{\"year\":01}")) {
            corpus.add(post("malformed " + malformed, malformed));
        }
        var cells = Forms.require("2021").cells();
        for (int i = 0; i < cells.size(); i += 10) {
            String pointer = cells.get(i).key();
            for (var value : List.of(Reports.JSON.getNodeFactory().textNode("1"),
                    Reports.JSON.getNodeFactory().booleanNode(true), Reports.JSON.getNodeFactory().arrayNode())) {
                ObjectNode report = valid.deepCopy();
                Reports.set(report, pointer, value);
                corpus.add(post("wrong type " + value + " at " + pointer, Reports.text(report)));
            }
        }
        for (String huge : List.of("1e400", "-1e400", "9223372036854775808", "1" + "0".repeat(60), "1e-400",
                "0.0000001", "-0.5", "999999999999999999999.5", "0E-300000", "0E-999999999", "0E+999999999",
                "1E-21", "0.000000000000000000000", "-0E-400")) {
            corpus.add(post("huge number " + huge, text.replace("\"decisions\":0", "\"decisions\":" + huge)));
        }
        for (String injection : INJECTIONS) {
            for (String field : List.of("code", "name", "parentCode")) {
                ObjectNode report = valid.deepCopy();
                ((ObjectNode) report.get("unit")).put(field, injection);
                corpus.add(post("injection in unit." + field + ": " + injection, Reports.text(report)));
            }
            ObjectNode report = valid.deepCopy();
            report.put("formVersion", injection);
            corpus.add(post("injection in formVersion: " + injection, Reports.text(report)));
            corpus.add(new BadRequest("injection in path: " + injection,
                    () -> Api.reader().urlEncodingEnabled(false).when()
                            .get("/api/v1/submissions/" + encoded(injection) + "/2023")));
            corpus.add(new BadRequest("injection in query: " + injection,
                    () -> Api.reader().urlEncodingEnabled(false).when()
                            .get("/api/v1/submissions?unitPrefix=" + encoded(injection))));
        }
        byte[] invalidUtf8 = text.replace("原州区寨科乡", "@@").getBytes(StandardCharsets.UTF_8);
        int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("@@");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        corpus.add(new BadRequest("invalid UTF-8", () -> Api.submitter().contentType("application/json")
                .body(invalidUtf8).when().post("/api/v1/submissions")));
        byte[] overlong = invalidUtf8.clone();
        overlong[at] = (byte) 0xC0; // C0 AF is an overlong '/', which a lenient decoder lets through
        overlong[at + 1] = (byte) 0xAF;
        corpus.add(new BadRequest("overlong UTF-8", () -> Api.submitter().contentType("application/json")
                .body(overlong).when().post("/api/v1/submissions")));
        for (String lookAlike : List.of("640402205 ", " 640402205", "640402205\n", "640402205\t")) {
            corpus.add(post("look-alike code " + lookAlike, text.replace("\"640402205\"", "\"" + lookAlike + "\"")));
        }
        for (String groups : List.of("42", "{\"role\":\"submitter\"}", "[[\"submitter\"]]", "[42]")) {
            corpus.add(new BadRequest("groups " + groups, () -> Api.as(signedWithGroups(groups))
                    .contentType("application/json").body(text).when().post("/api/v1/submissions")));
        }
        corpus.add(post("duplicate unit", text.replaceFirst("\"unit\":", "\"unit\":{\"code\":\"640402205\",\"name\":\"x\"},\"unit\":")));
        corpus.add(post("duplicate cell", text.replace("\"decisions\":179", "\"decisions\":179,\"decisions\":180")));
        corpus.add(post("deep nesting", "[".repeat(5000) + "]".repeat(5000)));
        corpus.add(post("oversized body", "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            corpus.add(new BadRequest("content type " + type, () -> Api.submitter()
                    .config(RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                            .encodeContentTypeAs(type.split(";")[0], io.restassured.http.ContentType.TEXT)))
                    .contentType(type).body(text).when().post("/api/v1/submissions")));
        }
        corpus.add(new BadRequest("no token", () -> RestAssured.given().contentType("application/json").body(text)
                .when().post("/api/v1/submissions")));
        corpus.add(new BadRequest("garbage token", () -> Api.as("garbage").contentType("application/json").body(text)
                .when().post("/api/v1/submissions")));
        corpus.add(new BadRequest("unsigned token", () -> Api.as(unsigned()).contentType("application/json")
                .body(text).when().post("/api/v1/submissions")));
        corpus.add(new BadRequest("reader writing", () -> Api.reader().contentType("application/json").body(text)
                .when().post("/api/v1/submissions")));
        corpus.add(new BadRequest("out of scope", () -> Api.submitter("11").contentType("application/json")
                .body(text).when().post("/api/v1/submissions")));
        corpus.add(new BadRequest("oversized path", () -> Api.reader().when()
                .get("/api/v1/submissions/" + "9".repeat(2000) + "/2023")));
        corpus.add(new BadRequest("odd year", () -> Api.reader().when().get("/api/v1/submissions/640402205/abc")));
        corpus.add(new BadRequest("negative page", () -> Api.reader().queryParam("page", -1)
                .when().get("/api/v1/submissions")));
        corpus.add(new BadRequest("huge size", () -> Api.reader().queryParam("size", "99999999999999")
                .when().get("/api/v1/submissions")));
        corpus.add(new BadRequest("feed cursor not a number", () -> Api.service().queryParam("after", "x")
                .when().get("/api/v1/feed")));
        corpus.add(new BadRequest("feed limit too large", () -> Api.service().queryParam("limit", 100000)
                .when().get("/api/v1/feed")));
        corpus.add(new BadRequest("audit outcome unknown", () -> Api.auditor().queryParam("outcome", "DELETED")
                .when().get("/api/v1/audit")));
        corpus.add(new BadRequest("audit date garbage", () -> Api.auditor().queryParam("from", "yesterday")
                .when().get("/api/v1/audit")));
        corpus.add(new BadRequest("PUT a version", () -> Api.admin().contentType("application/json").body(text)
                .when().put("/api/v1/submissions/640402205/2023/versions/1")));
        corpus.add(new BadRequest("DELETE the audit log", () -> Api.admin().when().delete("/api/v1/audit")));
        corpus.add(new BadRequest("PATCH a report", () -> Api.admin().contentType("application/json").body("{}")
                .when().patch("/api/v1/submissions/640402205/2023")));
        return corpus;
    }

    private static BadRequest post(String name, String body) {
        return new BadRequest(name, () -> {
            RequestSpecification request = Api.submitter().contentType("application/json").body(body);
            return request.when().post("/api/v1/submissions");
        });
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A correctly signed token whose groups claim is this raw JSON. */
    private static String signedWithGroups(String groupsJson) {
        String claims = "{\"iss\":\"" + Api.ISSUER + "\",\"upn\":\"odd\",\"groups\":" + groupsJson
                + ",\"unit_prefix\":\"64\",\"exp\":4102444800}";
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(claims))) {
            return io.smallrye.jwt.build.Jwt.claims(reader.readObject()).sign(Api.KEYS.getPrivate());
        }
    }

    /** A token with "alg":"none", which must never be accepted. */
    private static String unsigned() {
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + Api.ISSUER + "\",\"upn\":\"x\",\"groups\":[\""
                + Roles.SUBMITTER + "\"],\"unit_prefix\":\"64\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
