package io.gongkai.intake.tools.backfill;

import io.gongkai.intake.imports.ImportHints;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the command calls intake: POST /api/v1/imports, one request at a time, each bounded in time. A 503
 * with Retry-After (intake's queue or its import slots are full) is sent again after the seconds it names, a few
 * times; any other answer is returned as it is.
 */
final class IntakeImportClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int BUSY_RETRIES = 3;
    /** A longer Retry-After is not waited for: the file fails and the run goes on. */
    private static final long LONGEST_WAIT_SECONDS = 120;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final URI imports;
    private final String token;

    IntakeImportClient(URI intake, String token) {
        this.imports = URI.create(intake + "/api/v1/imports");
        this.token = token;
    }

    /** Intake's answer: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /**
     * Sends one report.
     *
     * @throws IOException when intake does not answer (connection refused or lost, no answer within the timeout)
     */
    Answer post(byte[] report, String mediaType, ImportHints hints, List<String> assumeZero, boolean store)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(query(hints, assumeZero, store)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", mediaType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = send(request);
            long wait = response.statusCode() == 503 ? retryAfter(response) : -1;
            if (wait < 0 || attempt == BUSY_RETRIES) {
                return new Answer(response.statusCode(), response.body());
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
        }
    }

    /** The whole exchange, body included, within the timeout: a stalled answer must not stall the run. */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The seconds a 503 asks to wait, or -1 when it names none (or too many) and the answer stands. */
    private static long retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (!value.matches("\\d{1,6}")) {
            return -1;
        }
        long seconds = Long.parseLong(value);
        return seconds <= LONGEST_WAIT_SECONDS ? seconds : -1;
    }

    private URI query(ImportHints hints, List<String> assumeZero, boolean store) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "unitCode", hints.unitCode());
        add(parameters, "parentCode", hints.parentCode());
        add(parameters, "year", hints.year() == null ? null : hints.year().toString());
        if (store) {
            parameters.add("store=true");
            assumeZero.forEach(pointer -> add(parameters, "assumeZero", pointer));
        }
        return parameters.isEmpty() ? imports : URI.create(imports + "?" + String.join("&", parameters));
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
