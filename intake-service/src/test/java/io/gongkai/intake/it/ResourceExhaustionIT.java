package io.gongkai.intake.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.testing.ForgedTokens;
import io.gongkai.contracts.testing.PackagedService;
import io.gongkai.contracts.testing.RawHttp;
import io.gongkai.contracts.testing.RawHttp.Reply;
import io.gongkai.contracts.testing.RawHttp.Request;
import io.gongkai.intake.Reports;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gongkai.contracts.testing.PackagedService.megabytes;

/**
 * Attacks on the packaged intake service's memory and time, each on a fresh instance started with the production
 * JVM options (deploy/jvm-options, a 192 MB heap): huge bodies in parallel, reports full of text, a long history of
 * corrections, a burst of writers. After each the service must be alive and ready, its heap must have stayed below
 * -Xmx (read from its GC log and jcmd), and the figures are printed. Each attack is bounded in time.
 */
class ResourceExhaustionIT {

    static final String ISSUER = "https://gongkai.local";
    static final String SUBMISSIONS = "/api/v1/submissions";
    static final int YEAR = 2023;
    /** A feed page the contract allows for ordinary reports (1000 of about 8 KB); far larger ones are unbounded. */
    static final long FEED_PAGE_MAX_BYTES = 8L * 1024 * 1024;

    PackagedService intake;
    RawHttp http;
    KeyPair keys;
    String submitter;
    String auditor;
    SoftAssertions softly;

    @BeforeEach
    void start() throws Exception {
        PackagedService.assumeEmbeddedDatabase();
        Path dataDir = Files.createTempDirectory("intake-exhaustion");
        keys = LocalKeys.ensure(dataDir.resolve("keys"));
        intake = new PackagedService("intake", Path.of("target/quarkus-app/quarkus-run.jar"), dataDir,
                PackagedService.JVM_OPTIONS,
                List.of("-Dintake.mysql.database=gongkai_intake_exhaustion_" + System.currentTimeMillis()));
        intake.start();
        http = new RawHttp(intake.url(), Duration.ofSeconds(60));
        submitter = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.SUBMITTER), "64");
        auditor = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.AUDITOR), null);
        softly = new SoftAssertions();
    }

    @AfterEach
    void stop() throws Exception {
        if (intake == null) {
            return; // skipped before it started
        }
        System.out.println("intake log: " + intake.log());
        intake.failureLines(20).forEach(line -> System.out.println("LOG " + line));
        intake.stop();
    }

    @Test
    void twelveParallelBodiesOf15MbGet413ProblemsAndTheHeapHolds() throws Exception {
        byte[] body = ("{\"unit\":{\"code\":\"640402100\",\"name\":\"" + "x".repeat(15 * 1024 * 1024) + "\"},\"year\":2023}")
                .getBytes(StandardCharsets.UTF_8);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<Reply>> replies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            replies.add(clients.submit(() -> http.send(Request.post(SUBMISSIONS, submitter, "application/json", body))));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<Reply> future : replies) {
            Reply reply = future.get(90, TimeUnit.SECONDS);
            outcomes.merge(reply.status() + (reply.isProblem() ? " problem" : " " + reply.contentType()), 1, Integer::sum);
            softly.assertThat(reply.status()).as("a 15 MB body: " + reply.brief()).isEqualTo(413);
            softly.assertThat(reply.isProblem()).as("a 15 MB body's answer is a problem: " + reply.brief()).isTrue();
        }
        clients.shutdownNow();
        System.out.printf("12 parallel 15 MB posts: %s in %d ms%n", outcomes, (System.nanoTime() - start) / 1_000_000);
        assertAliveWithinHeap("12 parallel 15 MB bodies");
    }

    @Test
    void departmentsWithTextNear256KbKeepFeedPagesBounded() throws Exception {
        String service = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.SERVICE), null);
        int departments = 48;
        long start = System.nanoTime();
        long bodyBytes = 0;
        for (int i = 0; i < departments; i++) {
            ObjectNode report = Reports.busy(String.format("640402-D%03d", i), "原州区部门" + i, YEAR);
            ((ObjectNode) report.get("unit")).put("parentCode", "640402");
            ObjectNode text = (ObjectNode) report.get("text");
            text.put("overview", "公".repeat(39_000) + i);
            text.put("problemsAndImprovements", "开".repeat(39_000));
            text.put("otherMatters", "文".repeat(5_000));
            String body = Reports.text(report);
            bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
            Reply reply = http.send(Request.postJson(SUBMISSIONS, submitter, body));
            softly.assertThat(reply.status()).as("a report of %d bytes: %s", bodyBytes, reply.brief()).isEqualTo(201);
        }
        System.out.printf("%d departments with bodies of %d bytes each stored in %d ms%n", departments, bodyBytes,
                (System.nanoTime() - start) / 1_000_000);

        long after = 0;
        int seen = 0;
        long largest = 0;
        for (int page = 0; page < 100; page++) {
            Reply reply = http.send(Request.get("/api/v1/feed?limit=1000&after=" + after, service));
            softly.assertThat(reply.status()).as("a feed page: " + reply.brief()).isEqualTo(200);
            if (reply.status() != 200) {
                break;
            }
            largest = Math.max(largest, reply.body().length);
            System.out.printf("feed page after %d: %d bytes in %d ms%n", after, reply.body().length, reply.millis());
            softly.assertThat((long) reply.body().length).as("bytes of one feed page (limit=1000)")
                    .isLessThanOrEqualTo(FEED_PAGE_MAX_BYTES);
            JsonNode feed = Reports.JSON.readTree(reply.body());
            if (feed.get("entries").isEmpty()) {
                break;
            }
            seen += feed.get("entries").size();
            after = feed.get("next").asLong();
        }
        System.out.printf("feed read: %d entries, largest page %s%n", seen, megabytes(largest));
        softly.assertThat(seen).as("every stored version reaches the feed").isEqualTo(departments);
        assertAliveWithinHeap("reports near 256 KB and their feed");
    }

    @Test
    void twoHundredCorrectionsOfOneUnitKeepLatencyFlatAndHistoryPaged() throws Exception {
        int corrections = 200;
        long[] millis = new long[corrections];
        for (int i = 0; i < corrections; i++) {
            ObjectNode report = Reports.busy("640402100", "原州区三营镇", YEAR);
            Reports.set(report, "activeDisclosure.fees.amountWanYuan", BigDecimal.valueOf(i + 1, 3));
            Reply reply = http.send(Request.postJson(SUBMISSIONS, submitter, Reports.text(report)));
            millis[i] = reply.millis();
            if (reply.status() != 201) {
                softly.fail("correction %d: %s", i + 1, reply.brief());
            }
        }
        long first = median(Arrays.copyOfRange(millis, 5, 25));
        long last = median(Arrays.copyOfRange(millis, corrections - 20, corrections));
        System.out.printf("corrections of one unit: median of versions 6-25 %d ms, of versions %d-%d %d ms%n", first,
                corrections - 19, corrections, last);
        softly.assertThat(last).as("median latency of the last 20 corrections, ms (first 20: %d)", first)
                .isLessThanOrEqualTo(Math.max(3 * first, first + 20));

        Reply history = http.send(Request.get(SUBMISSIONS + "/640402100/2023/versions", auditor));
        System.out.printf("GET /versions of %d versions: %d, %d bytes in %d ms%n", corrections, history.status(),
                history.body().length, history.millis());
        softly.assertThat(history.millis()).as("reading the history, ms").isLessThan(1_000);
        Reply page = http.send(Request.get(SUBMISSIONS + "/640402100/2023/versions?page=0&size=20", auditor));
        softly.assertThat(page.status()).as("a page of the history: " + page.brief()).isEqualTo(200);
        if (page.status() == 200) {
            JsonNode answer = Reports.JSON.readTree(page.body());
            JsonNode items = answer.isArray() ? answer : answer.path("items");
            System.out.printf("GET /versions?page=0&size=20: %d versions, %d bytes%n", items.size(), page.body().length);
            softly.assertThat(items.size()).as("versions in a page of size 20").isBetween(1, 20);
        }
        Reply unbounded = http.send(Request.get(SUBMISSIONS + "/640402100/2023/versions?size=1000000000", auditor));
        softly.assertThat(unbounded.status()).as("a history page of 10^9: " + unbounded.brief()).isEqualTo(400);
        Reply current = http.send(Request.get(SUBMISSIONS + "/640402100/2023", auditor));
        softly.assertThat(current.millis()).as("reading the current version after 200 corrections, ms").isLessThan(1_000);
        assertAliveWithinHeap("200 corrections of one unit");
    }

    @Test
    void aBurstOfWritersIsStoredOrToldToRetryAndA503IsNeverStored() throws Exception {
        List<Division> units = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP && d.code().startsWith("65")).limit(1_200).toList();
        String xinjiang = ForgedTokens.valid(keys, ISSUER, List.of(ForgedTokens.SUBMITTER), "65");
        Map<String, Reply> replies = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(48);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        for (Division unit : units) {
            String body = Reports.text(Reports.busy(unit.code(), unit.name(), YEAR));
            clients.submit(() -> {
                if (System.nanoTime() < deadline) {
                    replies.put(unit.code(), http.send(Request.postJson(SUBMISSIONS, xinjiang, body)));
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
        Map<Integer, Integer> statuses = new TreeMap<>();
        replies.values().forEach(reply -> statuses.merge(reply.status(), 1, Integer::sum));
        System.out.println("a burst of " + replies.size() + " submissions from 48 clients, by status: " + statuses);
        List<String> refused = new ArrayList<>();
        replies.forEach((code, reply) -> {
            if (reply.status() == 503) {
                refused.add(code);
                softly.assertThat(reply.retryAfter()).as("Retry-After on a 503").isPresent();
                softly.assertThat(reply.isProblem()).as("a 503 is a problem").isTrue();
            } else {
                softly.assertThat(reply.status()).as("a burst submission: " + reply.brief()).isIn(200, 201);
            }
        });
        Thread.sleep(2_000);
        for (String code : refused) {
            Reply stored = http.send(Request.get(SUBMISSIONS + "/" + code + "/2023", auditor));
            softly.assertThat(stored.status()).as("a submission answered 503 is never stored: " + code).isEqualTo(404);
        }
        assertAliveWithinHeap("a burst of writers");
    }

    private void assertAliveWithinHeap(String attack) throws IOException, InterruptedException {
        boolean alive = intake.alive();
        boolean ready = alive && intake.ready();
        long highWater = intake.heapHighWaterBytes();
        System.out.printf("%s: intake alive %s, ready %s; heap high-water %s of -Xmx %s%n", attack, alive, ready,
                megabytes(highWater), megabytes(intake.maxHeapBytes()));
        softly.assertThat(alive).as("intake alive after " + attack).isTrue();
        softly.assertThat(ready).as("intake ready after " + attack).isTrue();
        softly.assertThat(highWater).as("heap high-water after %s (bytes)", attack).isLessThan(intake.maxHeapBytes());
        if (ready) {
            Division unit = DivisionTable.national().children("640422").get(0);
            Reply normal = http.send(Request.postJson(SUBMISSIONS, submitter,
                    Reports.text(Reports.busy(unit.code(), unit.name(), YEAR))));
            System.out.printf("a normal submission after %s: %d in %d ms%n", attack, normal.status(), normal.millis());
            softly.assertThat(normal.status()).as("a normal submission after " + attack).isIn(200, 201);
            softly.assertThat(normal.millis()).as("a normal submission's latency after %s, ms", attack).isLessThan(1_000);
        }
        softly.assertAll();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
