package io.gongkai.aggregation.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.Metrics;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A follower that cannot apply a page is not ready, says where and why, and is ready again once the page applies;
 * intake being unreachable is reported but leaves the service ready. The failing page is a report of 兴宁区 (450102)
 * for 2022 whose county total is stored in another form; no other test uses 450102.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER})
class FeedFollowerReadinessTest {

    static final String COUNTY = "450102";
    static final int YEAR = 2022;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPageThatKeepsFailingMakesTheServiceNotReadyUntilItApplies() throws SQLException {
        long before = StubFeed.appliedCursor();
        Instant start = Instant.now();
        // A stored total no page can read: every attempt to add the report to it fails until it is gone.
        execute("INSERT INTO aggregate (unit_code, report_year, form_version, cells, reports, received, on_time, late)"
                + " VALUES ('" + COUNTY + "', " + YEAR + ", '2021', '[0]', 1, 1, 1, 0)");
        Division township = DivisionTable.national().children(COUNTY).get(0);
        long position;
        try {
            position = StubFeed.publish(StubFeed.entry(township.code(), township.name(), null, YEAR, 1,
                    ValidReports.random(new Random(450102), 10), OffsetDateTime.parse("2023-01-10T10:00:00+08:00"), List.of()));

            await().atMost(Duration.ofSeconds(20)).until(() -> readiness().statusCode() == 503);
            JsonNode check = followerCheck(readiness());
            assertThat(check.get("status").asText()).isEqualTo("DOWN");
            assertThat(check.at("/data/state").asText()).isEqualTo("STUCK");
            assertThat(check.at("/data/cursor").asLong()).isEqualTo(before);
            assertThat(check.at("/data/failingPosition").asLong()).isEqualTo(position);
            assertThat(check.at("/data/consecutiveFailures").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(check.at("/data/error").asText()).contains("stored cells have 1 values");
            assertThat(Instant.parse(check.at("/data/failingSince").asText())).isBetween(start, Instant.now());
            assertThat(Metrics.value("gongkai_feed_apply_failures")).isGreaterThanOrEqualTo(10);
            assertThat(Metrics.value("gongkai_feed_cursor")).isEqualTo(before);
            given().when().get("/api/v1/aggregates/CN/2023").then().statusCode(200);
        } finally {
            execute("DELETE FROM aggregate WHERE unit_code = '" + COUNTY + "' AND report_year = " + YEAR
                    + " AND form_version = '2021'");
        }

        StubFeed.awaitApplied(position);
        await().atMost(Duration.ofSeconds(10)).until(() -> readiness().statusCode() == 200);
        JsonNode check = followerCheck(readiness());
        assertThat(check.get("status").asText()).isEqualTo("UP");
        assertThat(check.at("/data/state").asText()).isEqualTo("FOLLOWING");
        assertThat(check.at("/data/cursor").asLong()).isEqualTo(position);
        assertThat(check.at("/data/failingPosition").isMissingNode()).isTrue();
        assertThat(Metrics.value("gongkai_feed_apply_failures")).isZero();
        assertThat(json(given().when().get("/api/v1/aggregates/{code}/{year}", COUNTY, YEAR).then().statusCode(200))
                .at("/reporting/received").asInt()).isEqualTo(1);
    }

    @Test
    void intakeBeingUnreachableIsReportedButLeavesTheServiceReady() {
        StubFeed.down();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> followerCheck(readiness()).at("/data/state").asText().equals("INTAKE_UNREACHABLE"));
            Response ready = readiness();
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode check = followerCheck(ready);
            assertThat(check.get("status").asText()).isEqualTo("UP");
            assertThat(check.at("/data/intakeUnreachableSince").asText()).isNotEmpty();
            assertThat(check.at("/data/intakeError").asText()).contains("503");
            assertThat(check.at("/data/failingPosition").isMissingNode()).isTrue();
            assertThat(Metrics.value("gongkai_feed_intake_unreachable")).isEqualTo(1);
        } finally {
            StubFeed.up();
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> followerCheck(readiness()).at("/data/state").asText().equals("FOLLOWING"));
        assertThat(followerCheck(readiness()).at("/data/intakeUnreachableSince").isMissingNode()).isTrue();
        assertThat(Metrics.value("gongkai_feed_intake_unreachable")).isZero();
    }

    private static Response readiness() {
        return given().when().get("/q/health/ready");
    }

    private static JsonNode followerCheck(Response readiness) {
        JsonNode health = json(readiness.then());
        return StreamSupport.stream(health.get("checks").spliterator(), false)
                .filter(c -> c.get("name").asText().equals("Feed follower")).findFirst()
                .orElseThrow(() -> new AssertionError("no feed follower check in " + health));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
