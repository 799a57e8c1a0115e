package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Hostile and broken bodies: each gets a 4xx problem and leaves every table as it was. */
@QuarkusTest
class BadInputTest {

    @Inject
    Tables tables;

    static Stream<Arguments> badBodies() {
        String valid = Reports.text(Reports.busy("640402107", "原州区头营镇", 2023));
        return Stream.of(
                Arguments.of("truncated JSON", valid.substring(0, valid.length() / 2), 400),
                Arguments.of("empty body", "", 400),
                Arguments.of("not an object", "[1,2,3]", 400),
                Arguments.of("string for a number", valid.replace("\"decisions\":179", "\"decisions\":\"179\""), 400),
                Arguments.of("1e400", valid.replace("\"decisions\":179", "\"decisions\":1e400"), 400),
                Arguments.of("-1", valid.replace("\"decisions\":179", "\"decisions\":-1"), 400),
                Arguments.of("2^63", valid.replace("\"decisions\":179", "\"decisions\":9223372036854775808"), 400),
                Arguments.of("NaN", valid.replace("\"decisions\":179", "\"decisions\":NaN"), 400),
                Arguments.of("duplicate key", valid.replace("\"decisions\":179", "\"decisions\":179,\"decisions\":1"), 400),
                Arguments.of("trailing garbage", valid + "}", 400),
                Arguments.of("1,000-deep nesting", "[".repeat(1000) + "]".repeat(1000), 400),
                Arguments.of("1,000-deep object in a cell", valid.replace("\"decisions\":179",
                        "\"decisions\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000)), 400),
                Arguments.of("SQL in the unit code", withUnit("640402107'; DROP TABLE submission_version; --", "头营镇"), 400),
                Arguments.of("SQL in the name of an unknown unit", withUnit("640402999", "x' OR '1'='1"), 400),
                Arguments.of("SQL in a department's parent", department("640402-JYJ", "640402' OR 1=1 --"), 400),
                Arguments.of("year as a string", valid.replace("\"year\":2023", "\"year\":\"2023\""), 400),
                Arguments.of("10 MB body", "{\"unit\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void isRefusedWithAProblemAndNothingStored(String name, String body, int status) {
        Map<String, Long> before = tables.snapshot();
        Api.submitter().contentType(JSON).body(body)
                .when().post("/api/v1/submissions")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue());
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void isRefusedByValidationToo(String name, String body, int status) {
        Api.submitter().contentType(JSON).body(body)
                .when().post("/api/v1/submissions/validate")
                .then().statusCode(status)
                .contentType("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void aWrongMediaTypeOrMethodIsAProblemToo() {
        Map<String, Long> before = tables.snapshot();
        Api.submitter().contentType("text/plain").body("hello").when().post("/api/v1/submissions")
                .then().statusCode(415).contentType("application/problem+json");
        Api.admin().when().delete("/api/v1/submissions/640402100/2023")
                .then().statusCode(405).contentType("application/problem+json");
        Api.reader().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    private static String withUnit(String code, String name) {
        return Reports.text(Reports.busy(code, name, 2023));
    }

    private static String department(String code, String parent) {
        ObjectNode report = Reports.busy(code, "教育局", 2023);
        ((ObjectNode) report.get("unit")).put("parentCode", parent);
        return Reports.text(report);
    }
}
