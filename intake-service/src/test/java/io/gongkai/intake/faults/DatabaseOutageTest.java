package io.gongkai.intake.faults;

import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.http.ContentType.JSON;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** When the database goes away: 503 problems with Retry-After, readiness DOWN; when it returns: service as usual. */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTest {

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() {
        submit("640402002", "原州区古雁街道").then().statusCode(201);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);

        ProxiedDatabase.proxy.cut();
        try {
            submit("640402003", "原州区北塬街道").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503))
                    .body("detail", containsString("nothing was stored"));
            Api.reader().when().get("/api/v1/submissions/640402002/2023").then().statusCode(503)
                    .contentType("application/problem+json");
            RestAssured.given().when().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"));
        } finally {
            ProxiedDatabase.proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.given().when().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                submit("640402003", "原州区北塬街道").then().statusCode(201));
        Api.reader().when().get("/api/v1/submissions/640402002/2023").then().statusCode(200);
    }

    private static io.restassured.response.Response submit(String unit, String name) {
        return Api.submitter().contentType(JSON).body(Reports.text(Reports.busy(unit, name, 2023)))
                .when().post("/api/v1/submissions");
    }
}
