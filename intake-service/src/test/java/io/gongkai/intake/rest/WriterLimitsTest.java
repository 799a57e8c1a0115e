package io.gongkai.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's queue holds one submission here, and a feed page 60 KB of reports: a full queue sheds submissions
 * with 503 + Retry-After and never stores them; pages of large reports are cut by bytes and the follower still sees
 * every version once.
 */
@QuarkusTest
@TestProfile(WriterLimitsTest.Small.class)
class WriterLimitsTest {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.intake.queue-capacity", "1", "gongkai.intake.batch-size", "1",
                    "gongkai.intake.feed-page-bytes", "60000");
        }
    }

    @Test
    void aFullQueueShedsSubmissionsWith503AndNeverStoresThem() throws Exception {
        List<Division> townships = DivisionTable.national().children("640522");
        assertThat(townships).hasSizeGreaterThanOrEqualTo(8);
        Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> shed = new HashSet<>();
        for (int round = 0; round < 5 && shed.isEmpty(); round++) {
            int year = 2021 + round;
            ExecutorService clients = Executors.newFixedThreadPool(townships.size());
            try {
                List<Future<Response>> sent = new ArrayList<>();
                for (Division township : townships) {
                    String body = Reports.text(Reports.busy(township.code(), township.name(), year));
                    sent.add(clients.submit((Callable<Response>) () -> Api.submitter().contentType(JSON).body(body)
                            .when().post("/api/v1/submissions")));
                }
                for (int i = 0; i < townships.size(); i++) {
                    Response response = sent.get(i).get();
                    String key = townships.get(i).code() + "/" + year;
                    answers.put(key, response.statusCode());
                    if (response.statusCode() == 503) {
                        assertThat(response.header("Retry-After")).isNotBlank();
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        shed.add(key);
                    }
                }
            } finally {
                clients.shutdown();
            }
        }
        assertThat(answers.values()).containsOnly(201, 503);
        assertThat(shed).as("a queue of one under %d clients sheds", townships.size()).isNotEmpty();
        Thread.sleep(500);
        answers.forEach((key, status) -> Api.reader().when().get("/api/v1/submissions/" + key)
                .then().statusCode(status == 201 ? 200 : 404));
    }

    @Test
    void feedPagesAreCutByTheBytesOfTheirReportsAndLoseNothing() throws Exception {
        long start = head();
        List<String> units = new ArrayList<>();
        for (Division township : DivisionTable.national().children("640521").subList(0, 5)) {
            ObjectNode report = Reports.busy(township.code(), township.name(), 2023);
            report.withObject("/text").put("overview", "政务公开".repeat(6_000)); // 72 KB of UTF-8
            Api.submitter().contentType(JSON).body(Reports.text(report)).when().post("/api/v1/submissions")
                    .then().statusCode(201);
            units.add(township.code());
        }

        List<String> seen = new ArrayList<>();
        long after = start;
        for (int pages = 0; pages < 20; pages++) {
            JsonNode page = Reports.JSON.readTree(Api.service().queryParam("after", after).queryParam("limit", 100)
                    .when().get("/api/v1/feed").then().statusCode(200).extract().asString());
            assertThat(page.get("entries").size()).as("one large report a page").isLessThanOrEqualTo(1);
            page.get("entries").forEach(entry -> seen.add(entry.get("unitCode").asText()));
            after = page.get("next").longValue();
            if (!page.get("more").booleanValue()) {
                break;
            }
        }
        assertThat(seen).containsExactlyElementsOf(units);
    }

    private static long head() throws Exception {
        long after = 0;
        while (true) {
            JsonNode page = Reports.JSON.readTree(Api.service().queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/api/v1/feed").then().statusCode(200).extract().asString());
            after = page.get("next").longValue();
            if (!page.get("more").booleanValue()) {
                return after;
            }
        }
    }
}
