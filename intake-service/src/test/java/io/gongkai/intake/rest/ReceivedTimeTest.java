package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A submission's received time is one instant in every answer and in the database, whatever the time zone of the
 * JVM and of the database session (the build runs the tests in Asia/Shanghai, and on MySQL in sessions that start
 * at +08:00). Uses 平峰镇 (640422102) only.
 */
@QuarkusTest
class ReceivedTimeTest {

    private static final String UNIT = "640422102";
    private static final String NAME = "平峰镇";

    @Inject
    Tables tables;

    @Test
    void theReceiptTheReadsTheFeedAndTheAuditTrailGiveTheSameInstant() throws Exception {
        long lastPosition = tables.query("SELECT last_seq FROM feed_sequencer");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode receipt = Reports.JSON.readTree(Api.submitter().contentType(JSON)
                .body(Reports.text(Reports.forUnit(UNIT, NAME, 2023)))
                .when().post("/api/v1/submissions").then().statusCode(201).extract().asString());
        Instant after = Instant.now();

        Instant received = instant(receipt.get("receivedAt"));
        assertThat(received).isBetween(before, after);
        assertThat(instant(read(Api.reader(), "/api/v1/submissions/" + UNIT + "/2023").get("receivedAt")))
                .as("current version").isEqualTo(received);
        assertThat(instant(read(Api.auditor(), "/api/v1/submissions/" + UNIT + "/2023/versions").at("/items/0")
                .get("receivedAt"))).as("version history").isEqualTo(received);
        assertThat(instant(read(Api.auditor(), "/api/v1/submissions?year=2023&unitPrefix=" + UNIT).at("/items/0")
                .get("receivedAt"))).as("list").isEqualTo(received);
        JsonNode feedEntry = read(Api.service(), "/api/v1/feed?limit=1000&after=" + lastPosition).get("entries")
                .findParents("unitCode").stream().filter(e -> e.get("unitCode").asText().equals(UNIT))
                .findFirst().orElseThrow();
        assertThat(instant(feedEntry.get("receivedAt"))).as("feed entry").isEqualTo(received);
        JsonNode accepted = read(Api.auditor(), "/api/v1/audit?outcome=ACCEPTED&unitCode=" + UNIT).at("/items/0");
        assertThat(instant(accepted.get("recordedAt"))).as("audit record").isEqualTo(received);

        assertThat(tables.epochSecond("SELECT UNIX_TIMESTAMP(received_at) FROM submission_version WHERE unit_code = '"
                + UNIT + "'")).as("the stored instant, as the database reckons it").isEqualTo(received.getEpochSecond());
        assertThat(tables.epochSecond("SELECT UNIX_TIMESTAMP(recorded_at) FROM audit_record WHERE id = "
                + accepted.get("id").asLong())).isEqualTo(received.getEpochSecond());
    }

    @Test
    void aRejectedAttemptIsRecordedAtTheInstantItHappened() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var report = Reports.forUnit(UNIT, NAME, 2023);
        Reports.set(report, "reviewLitigation.review.total", 7);
        Api.submitter().contentType(JSON).body(Reports.text(report))
                .when().post("/api/v1/submissions").then().statusCode(422);
        Instant after = Instant.now().plusSeconds(1);

        JsonNode rejected = await().atMost(Duration.ofSeconds(5))
                .until(() -> read(Api.auditor(), "/api/v1/audit?outcome=REJECTED&unitCode=" + UNIT),
                        page -> page.get("total").intValue() >= 1)
                .at("/items/0");
        Instant recorded = instant(rejected.get("recordedAt"));
        assertThat(recorded).isBetween(before, after);
        assertThat(tables.epochSecond("SELECT UNIX_TIMESTAMP(recorded_at) FROM audit_record WHERE id = "
                + rejected.get("id").asLong())).isEqualTo(recorded.getEpochSecond());
    }

    private static JsonNode read(RequestSpecification as, String path) throws Exception {
        return Reports.JSON.readTree(as.when().get(path).then().statusCode(200).extract().asString());
    }

    private static Instant instant(JsonNode time) {
        return OffsetDateTime.parse(time.asText()).toInstant();
    }
}
