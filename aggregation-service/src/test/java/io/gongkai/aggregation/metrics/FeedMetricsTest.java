package io.gongkai.aggregation.metrics;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.Metrics;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /q/metrics is served without a token, in Prometheus text, with the follower's progress and the cache's weight. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class FeedMetricsTest {

    @Test
    void metricsNeedNoTokenAndShowTheFollowerAndTheAnswerCache() {
        given().when().get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text"));
        String metrics = Metrics.scrape();
        for (String name : List.of("gongkai_feed_cursor", "gongkai_feed_head", "gongkai_feed_lag", "gongkai_feed_behind_seconds",
                "gongkai_feed_apply_failures", "gongkai_feed_intake_unreachable", "gongkai_feed_entries_applied_total",
                "gongkai_answers_cache_bytes", "jvm_memory_used_bytes")) {
            assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[ {]");
        }
    }

    @Test
    void theCursorAndTheEntriesAppliedFollowTheFeedAndTheCacheWeighsTheAnswersKept() {
        double appliedBefore = Metrics.value("gongkai_feed_entries_applied_total");
        Division township = DivisionTable.national().children("450103").get(0);

        long cursor = StubFeed.publish(StubFeed.entry(township.code(), township.name(), null, 2022, 1,
                ValidReports.random(new Random(450103), 10), OffsetDateTime.parse("2023-01-10T10:00:00+08:00"), List.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> Metrics.value("gongkai_feed_cursor") >= cursor);
        given().auth().oauth2(Tokens.of(Roles.READER)).when().get("/api/v1/aggregates/450103/2022").then().statusCode(200);

        assertThat(Metrics.value("gongkai_feed_cursor")).isEqualTo(cursor);
        assertThat(Metrics.value("gongkai_feed_head")).isEqualTo(cursor);
        assertThat(Metrics.value("gongkai_feed_lag")).isZero();
        assertThat(Metrics.value("gongkai_feed_entries_applied_total")).isGreaterThanOrEqualTo(appliedBefore + 1);
        assertThat(Metrics.value("gongkai_feed_behind_seconds")).isZero();
        assertThat(Metrics.value("gongkai_answers_cache_bytes")).isPositive();
    }
}
