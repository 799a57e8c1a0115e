package io.gongkai.aggregation.faults;

import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** When the database goes away: 503 problems with Retry-After, readiness DOWN; when it returns: service as usual. */
@QuarkusTest
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTest {

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() {
        read().then().statusCode(200);
        ProxiedDatabase.proxy.cut();
        try {
            // Answers already rendered may be served until the feed position is due to be re-read (100 ms).
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> read().then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("status", equalTo(503)));
            RestAssured.given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            ProxiedDatabase.proxy.restore();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.given().when().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                read().then().statusCode(200));
    }

    private static io.restassured.response.Response read() {
        return RestAssured.given().auth().oauth2(Tokens.of(Roles.READER)).when().get("/api/v1/aggregates/640402/2023");
    }
}
