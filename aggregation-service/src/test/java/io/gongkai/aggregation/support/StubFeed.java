package io.gongkai.aggregation.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.testing.ValidReports;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Puts entries into the intake stub and waits until the service under test has applied them. */
public final class StubFeed {

    private StubFeed() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.intake.url", String.class);
    }

    public static FeedEntry entry(String code, String name, String parentCode, int year, int version, CellValues cells,
            OffsetDateTime receivedAt, List<Finding> warnings) {
        return new FeedEntry(0, code, year, version, cells.form().version(), "hash-" + code + "-" + year + "-" + version, receivedAt,
                warnings, ValidReports.submission(code, name, parentCode, year, cells));
    }

    /** Appends the entries to the feed, in order; returns the cursor of the last. */
    public static long publish(FeedEntry... entries) {
        try {
            String cursors = given().baseUri(url()).contentType(ContentType.JSON)
                    .body(IntakeStub.JSON.writeValueAsString(entries))
                    .when().post("/stub/entries").then().statusCode(200).extract().asString();
            List<Long> assigned = IntakeStub.JSON.readValue(cursors, new TypeReference<>() {
            });
            return assigned.get(assigned.size() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes and waits until the service's asOf cursor has reached the last entry. */
    public static long publishAndAwait(FeedEntry... entries) {
        long cursor = publish(entries);
        awaitApplied(cursor);
        return cursor;
    }

    public static void awaitApplied(long cursor) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> appliedCursor() >= cursor);
    }

    public static long appliedCursor() {
        return given().when().get("/api/v1/aggregates/CN/trend?from=2021&to=2021")
                .then().statusCode(200).extract().jsonPath().getLong("asOf.cursor");
    }

    public static void down() {
        given().baseUri(url()).when().post("/stub/down").then().statusCode(204);
    }

    public static void up() {
        given().baseUri(url()).when().post("/stub/up").then().statusCode(204);
    }
}
