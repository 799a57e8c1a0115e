package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A follower reading the feed while many submissions commit at once sees each version exactly once. */
@QuarkusTest
class FeedConcurrencyTest {

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private static final String CITY = "6401";
    private static final int UNITS = 24;
    private static final int CORRECTIONS_PER_UNIT = 2;

    @Test
    void aConcurrentFollowerNeitherSkipsNorRepeatsAVersion() throws Exception {
        long start = lastCursor();
        List<String> units = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP && d.code().startsWith(CITY))
                .limit(UNITS).map(Division::code).toList();
        assertThat(units).hasSize(UNITS);

        ExecutorService pool = Executors.newFixedThreadPool(UNITS + 1);
        AtomicBoolean submitting = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        Future<?> follower = pool.submit(() -> follow(start, seen, submitting));
        List<Future<?>> writers = new ArrayList<>();
        for (String unit : units) {
            writers.add(pool.submit(() -> {
                for (int version = 1; version <= 1 + CORRECTIONS_PER_UNIT; version++) {
                    var report = Reports.busy(unit, "银川市", 2024);
                    Reports.set(report, "activeDisclosure.licensing.decisions", version);
                    Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions")
                            .then().statusCode(201);
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        submitting.set(false);
        follower.get();
        pool.shutdown();

        int expected = UNITS * (1 + CORRECTIONS_PER_UNIT);
        assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
        Set<String> all = new HashSet<>();
        for (String unit : units) {
            for (int version = 1; version <= 1 + CORRECTIONS_PER_UNIT; version++) {
                all.add(unit + "/" + version);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    /** Follows the feed page by page until submitting has stopped and the feed has nothing more. */
    private static void follow(long start, List<String> seen, AtomicBoolean submitting) {
        long cursor = start;
        long previousCursor = start;
        long quietSince = 0;
        while (true) {
            JsonNode page = page(cursor, 7);
            for (JsonNode entry : page.get("entries")) {
                assertThat(entry.get("cursor").longValue()).isGreaterThan(previousCursor);
                previousCursor = entry.get("cursor").longValue();
                if (entry.get("year").intValue() == 2024 && entry.get("unitCode").asText().startsWith(CITY)) {
                    seen.add(entry.get("unitCode").asText() + "/" + entry.get("version").intValue());
                }
            }
            cursor = page.get("next").longValue();
            if (page.get("entries").isEmpty()) {
                if (submitting.get()) {
                    quietSince = 0;
                } else if (quietSince == 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
                    return;
                }
            }
        }
    }

    private static long lastCursor() {
        long cursor = 0;
        for (JsonNode page = page(0, 1000); !page.get("entries").isEmpty(); page = page(cursor, 1000)) {
            cursor = page.get("next").longValue();
        }
        return cursor;
    }

    private static JsonNode page(long after, int limit) {
        try {
            return Reports.JSON.readTree(Api.service().queryParam("after", after).queryParam("limit", limit)
                    .when().get("/api/v1/feed").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPageSaysHowFarTheFeedReachesSoAFollowerKnowsItsLag() {
        Api.submitter().contentType(JSON).body(Reports.text(Reports.busy("640402108", "原州区黄铎堡镇", 2022)))
                .when().post("/api/v1/submissions").then().statusCode(201);
        long last = lastCursor();

        JsonNode first = page(0, 1);
        assertThat(first.get("next").longValue()).isLessThan(last);
        assertThat(first.get("more").booleanValue()).isTrue();
        assertThat(first.get("head").longValue()).isEqualTo(last);
        JsonNode end = page(last, 10);
        assertThat(end.get("entries")).isEmpty();
        assertThat(end.get("next").longValue()).isEqualTo(last);
        assertThat(end.get("head").longValue()).isEqualTo(last);
    }

    @Test
    void anAcceptedVersionIsInTheFeedWhenItsReceiptArrives() {
        var report = Reports.busy("640402108", "原州区黄铎堡镇", 2023);
        Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions").then().statusCode(201);
        JsonNode found = null;
        long cursor = 0;
        for (JsonNode page = page(0, 1000); !page.get("entries").isEmpty(); page = page(cursor, 1000)) {
            for (JsonNode entry : page.get("entries")) {
                if (entry.get("unitCode").asText().equals("640402108")) {
                    found = entry;
                }
            }
            cursor = page.get("next").longValue();
        }
        assertThat(found).as("the feed entry of 640402108").isNotNull();
        io.gongkai.contracts.api.FeedEntry entry = json.convertValue(found, io.gongkai.contracts.api.FeedEntry.class);
        assertThat(entry.submission()).isEqualTo(found.get("submission"));
        assertThat(entry.warnings()).hasSize(found.get("warnings").size());
        assertThat(found.at("/submission/activeDisclosure/fees/amountWanYuan").decimalValue())
                .isEqualByComparingTo("5949.088667");
    }
}
