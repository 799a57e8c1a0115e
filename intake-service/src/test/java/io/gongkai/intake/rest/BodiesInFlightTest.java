package io.gongkai.intake.rest;

import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only one request with a body is handled at a time here: while a client is slow to send its body, another body is
 * answered 503 with Retry-After before it is read, and requests without a body are served as usual.
 */
@QuarkusTest
@TestProfile(BodiesInFlightTest.One.class)
class BodiesInFlightTest {

    public static class One implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongkai.intake.max-bodies-in-flight", "1");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Inject
    Tables tables;

    @Test
    void aBodyBeyondTheLimitOfBodiesInFlightIsShedBeforeItIsRead() throws Exception {
        String body = Reports.text(Reports.busy("640402106", "原州区彭堡镇", 2021));
        Map<String, Long> before = tables.snapshot();
        try (Socket slow = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.token("submitter", "64") + "\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300); // the slow body is now in flight

            Api.submitter().contentType(JSON).body(body).when().post("/api/v1/submissions").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1");
            Api.reader().when().get("/api/v1/forms/2021").then().statusCode(200);
            assertThat(tables.snapshot()).isEqualTo(before);
        }
        // The slow client is gone: bodies are read again.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                Api.submitter().contentType(JSON).body(body).when().post("/api/v1/submissions").then()
                        .statusCode(org.hamcrest.Matchers.oneOf(200, 201)));
    }
}
