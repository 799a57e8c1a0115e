package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.Tables;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Over 100 hostile requests: each gets a 4xx problem, none a 5xx, and no table changes. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class AggregationHostileInputTest {

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE aggregate; --",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}", "%00", "' UNION SELECT *--",
            "{{7*7}}", "😀".repeat(40), "CN' --", "\\u0000", "640402/../64");

    @Inject
    Tables tables;

    record BadRequest(String name, Supplier<Response> send) {
    }

    @Test
    void everyHostileRequestGetsA4xxProblemAndChangesNothing() {
        List<BadRequest> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        Map<String, Long> before = tables.snapshot();
        List<String> failures = new ArrayList<>();
        for (BadRequest request : corpus) {
            Response response = request.send().get();
            String type = String.valueOf(response.contentType());
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                failures.add(request.name() + " -> " + response.statusCode() + " " + type + " " + response.asString());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    private static List<BadRequest> corpus() {
        List<BadRequest> corpus = new ArrayList<>();
        for (String injection : INJECTIONS) {
            String code = encoded(injection);
            for (String path : List.of("/api/v1/aggregates/" + code + "/2023", "/api/v1/aggregates/" + code + "/2023/children",
                    "/api/v1/aggregates/" + code + "/trend?from=2022&to=2023", "/api/v1/checks/" + code + "/2023",
                    "/api/v1/units/" + code, "/api/v1/units?parent=" + code, "/api/v1/aggregates/640402/" + code)) {
                corpus.add(get("injection " + injection + " in " + path, path));
            }
            corpus.add(get("injection in trend years", "/api/v1/aggregates/640402/trend?from=" + code + "&to=2023"));
            corpus.add(get("injection in an export's code", "/api/v1/aggregates/" + code + "/2023/units"));
            corpus.add(get("injection in the children's format", "/api/v1/aggregates/640402/2023/children?format=" + code));
            corpus.add(get("injection in an export's format", "/api/v1/aggregates/640402/2023/units?format=" + code));
        }
        for (String year : List.of("0000", "1999", "9999", "-2023", "2023.5", "20230", "1e3", "２０２３")) {
            corpus.add(get("odd year " + year, "/api/v1/aggregates/640402/" + encoded(year)));
            corpus.add(get("odd year in checks " + year, "/api/v1/checks/640402/" + encoded(year)));
        }
        for (String range : List.of("from=2023&to=2021", "from=1900&to=2023", "from=2021&to=9999", "from=x&to=2023",
                "from=2021", "to=2023", "from=99999999999&to=2023")) {
            corpus.add(get("odd trend range " + range, "/api/v1/aggregates/640402/trend?" + range));
        }
        for (String paging : List.of("page=-1", "page=x", "page=100001", "page=99999999999", "size=0", "size=101",
                "size=1e3", "size=%00", "size=-5", "page=1.5")) {
            corpus.add(get("odd children page " + paging, "/api/v1/aggregates/640402/2023/children?" + paging));
        }
        for (String q : List.of("", "%20%20", encoded("😀".repeat(40)), "9".repeat(3000))) {
            corpus.add(get("odd unit search " + q.substring(0, Math.min(q.length(), 20)), "/api/v1/units/search?q=" + q));
        }
        corpus.add(get("oversized code", "/api/v1/aggregates/" + "9".repeat(3000) + "/2023"));
        corpus.add(get("invalid UTF-8 in path", "/api/v1/units/%C3%28"));
        corpus.add(get("unknown path", "/api/v1/nothing"));
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/v1/aggregates/640402/2023", "/api/v1/units/640402", "/api/v1/checks/640402/2023")) {
                corpus.add(new BadRequest(method + " " + path, () -> as(Roles.ADMIN).contentType(ContentType.JSON)
                        .body("{}").request(method, path)));
            }
        }
        corpus.add(new BadRequest("GET rebuild", () -> as(Roles.ADMIN).get("/api/v1/admin/rebuild")));
        for (String role : List.of(Roles.READER, Roles.AUDITOR, Roles.SERVICE)) {
            corpus.add(new BadRequest("rebuild as " + role, () -> as(role).post("/api/v1/admin/rebuild")));
        }
        corpus.add(new BadRequest("submitter reading", () -> RestAssured.given().auth()
                .oauth2(Tokens.submitter("640402")).get("/api/v1/aggregates/640402/2023")));
        corpus.add(new BadRequest("no token", () -> RestAssured.given().get("/api/v1/aggregates/CN/2023")));
        corpus.add(new BadRequest("garbage token", () -> RestAssured.given().auth().oauth2("x.y.z")
                .get("/api/v1/aggregates/CN/2023")));
        corpus.add(new BadRequest("basic auth", () -> RestAssured.given().auth().preemptive().basic("admin", "admin")
                .get("/api/v1/aggregates/CN/2023")));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            corpus.add(new BadRequest("reader posting " + type, () -> as(Roles.READER)
                    .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs(type, ContentType.TEXT)))
                    .contentType(type).body("<x/>").post("/api/v1/admin/rebuild")));
        }
        return corpus;
    }

    private static BadRequest get(String name, String path) {
        return new BadRequest(name, () -> as(Roles.READER).urlEncodingEnabled(false).get(path));
    }

    private static RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(Tokens.of(role));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
