package io.gongkai.contracts.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends requests exactly as given (any bytes as body, any header value, any content type or none), which a hostile
 * test needs and a typed client would refuse to build.
 */
public final class RawHttp {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RawHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /** A request: {@code pathAndQuery} must already be a valid URI reference (percent-encode garbage). */
    public record Request(String method, String pathAndQuery, String token, String contentType, byte[] body,
            Map<String, String> headers) {

        public static Request get(String pathAndQuery, String token) {
            return new Request("GET", pathAndQuery, token, null, null, Map.of());
        }

        public static Request post(String pathAndQuery, String token, String contentType, byte[] body) {
            return new Request("POST", pathAndQuery, token, contentType, body, Map.of());
        }

        public static Request postJson(String pathAndQuery, String token, String json) {
            return post(pathAndQuery, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, pathAndQuery, token, contentType, body, more);
        }
    }

    /**
     * An answer, or the transport failure instead of one ({@code status} -1).
     *
     * @param millis from sending the request until the whole answer was read
     */
    public record Reply(int status, String contentType, byte[] body, Optional<String> retryAfter, long millis,
            String failure) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean isProblem() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT)
                    .startsWith("application/problem+json");
        }

        /** The status, body and content type, shortened, for assertion messages and reports. */
        public String brief() {
            if (status < 0) {
                return "no answer: " + failure;
            }
            String text = text().replaceAll("\\s+", " ");
            return status + " " + contentType + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public Reply send(Request request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(timeout).method(request.method(), body);
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("Retry-After"), millis, null);
        } catch (IOException e) {
            return new Reply(-1, null, new byte[0], Optional.empty(), (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
