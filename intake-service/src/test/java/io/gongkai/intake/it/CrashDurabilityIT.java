package io.gongkai.intake.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Reports;
import io.gongkai.intake.tools.MintToken;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every submission answered 2xx survives a kill -9 of the service right after the answer. */
class CrashDurabilityIT {

    private IntakeProcess intake;

    @AfterEach
    void stop() throws InterruptedException {
        if (intake != null) {
            intake.stop();
        }
    }

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillMinus9() throws Exception {
        Path dataDir = Files.createTempDirectory("intake-crash");
        intake = new IntakeProcess(dataDir, "gongkai_intake_crash_" + System.currentTimeMillis());
        intake.start();
        KeyPair keys = LocalKeys.load(dataDir.resolve("keys"));
        String submitter = MintToken.mint(keys, "https://gongkai.local", "crash", Roles.SUBMITTER, "65", Duration.ofHours(1));
        String auditor = MintToken.mint(keys, "https://gongkai.local", "auditor", Roles.AUDITOR, null, Duration.ofHours(1));
        List<Division> units = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP && d.code().startsWith("6501")).limit(400).toList();

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int client = 0; client < 8; client++) {
            int offset = client;
            clients.submit(() -> {
                for (int i = offset; i < units.size() && running.get(); i += 8) {
                    Division unit = units.get(i);
                    try {
                        var response = RestAssured.given().baseUri(intake.url()).auth().oauth2(submitter)
                                .contentType("application/json")
                                .body(Reports.text(Reports.busy(unit.code(), unit.name(), 2023)))
                                .post("/api/v1/submissions");
                        if (response.statusCode() == 201) {
                            acknowledged.put(unit.code(), response.jsonPath().getString("contentHash"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
        intake.kill();
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        Map<String, String> beforeCrash = Map.copyOf(acknowledged);

        intake.start();
        for (Map.Entry<String, String> version : beforeCrash.entrySet()) {
            JsonNode stored = Reports.JSON.readTree(RestAssured.given().baseUri(intake.url()).auth().oauth2(auditor)
                    .get("/api/v1/submissions/" + version.getKey() + "/2023/versions/1")
                    .then().statusCode(200).extract().asString());
            assertThat(stored.get("contentHash").asText()).isEqualTo(version.getValue());
        }
        String service = MintToken.mint(keys, "https://gongkai.local", "svc", Roles.SERVICE, null, Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode feed = Reports.JSON.readTree(RestAssured.given().baseUri(intake.url()).auth().oauth2(service)
                    .queryParam("limit", 1000).get("/api/v1/feed").then().statusCode(200).extract().asString());
            assertThat(feed.get("entries").findValuesAsText("unitCode")).containsAll(beforeCrash.keySet());
        });
    }
}
