package io.gongkai.intake.rest;

import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No request body larger than a submission may be is read into memory; each is refused with 413. */
@QuarkusTest
class BodyLimitTest {

    private static final int LIMIT = 262_144;

    @TestHTTPResource("/")
    URL root;

    @Inject
    Tables tables;

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsSent() throws IOException {
        Map<String, Long> before = tables.snapshot();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            // Announces 15 MB and sends only the headers: the answer must come without the body.
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Api.token("submitter", "64") + "\r\n"
                    + "Content-Length: 15000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("at most " + LIMIT);
        }
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aBodyOneByteOverTheLimitIsAProblem() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        Map<String, Long> before = tables.snapshot();
        byte[] body = new byte[4 * LIMIT];
        try {
            HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofInputStream(
                    () -> (InputStream) new ByteArrayInputStream(body)));
            assertThat(answer.statusCode()).isEqualTo(413);
        } catch (AssertionError closed) {
            // The server may close the connection as soon as it has answered, before the client reads the 413.
            assertThat(closed).hasMessageStartingWith("no answer before the connection closed");
        }
        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @Test
    void aReportJustUnderTheLimitIsRead() throws Exception {
        var report = Reports.busy("640402107", "原州区头营镇", 2022);
        String padding = "公开".repeat((LIMIT - Reports.text(report).getBytes(StandardCharsets.UTF_8).length - 100) / 6);
        report.withObject("/text").put("otherMatters", padding);
        byte[] body = Reports.text(report).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isBetween(LIMIT - 200, LIMIT);

        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    /** The status line, headers and problem, read until the problem's end (the connection may stay open). */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!answer.toString().endsWith("}")) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/submissions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Api.token("submitter", "64"))
                .POST(body).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The server may close the connection while a refused body is still being sent.
            throw new AssertionError("no answer before the connection closed: " + e.getMessage(), e);
        }
    }
}
