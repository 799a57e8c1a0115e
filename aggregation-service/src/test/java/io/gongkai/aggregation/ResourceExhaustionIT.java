package io.gongkai.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.PackagedServices;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.testing.ForgedTokens;
import io.gongkai.contracts.testing.PackagedService;
import io.gongkai.contracts.testing.RawHttp.Reply;
import io.gongkai.contracts.testing.RawHttp.Request;
import io.gongkai.contracts.testing.RawHttp;
import io.gongkai.contracts.testing.ValidReports;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.gongkai.contracts.testing.PackagedService.megabytes;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Attacks on the packaged aggregation service's memory (production JVM options, a 192 MB heap): many distinct
 * long trends and child tables, whose rendered answers the service keeps. Its answer cache must be bounded in
 * bytes, long trend ranges refused, child tables paged; after each attack the service is alive, its heap stayed
 * below -Xmx, and a normal read is fast. Each attack is bounded in time.
 */
class ResourceExhaustionIT {

    static final int YEAR = 2023;
    static final long ATTACK_SECONDS = 40;

    static PackagedServices services;
    static RawHttp aggregation;
    static String reader;
    SoftAssertions softly;

    @BeforeAll
    static void start() throws Exception {
        PackagedService.assumeEmbeddedDatabase();
        assumeTrue(Files.exists(PackagedServices.INTAKE_JAR), "intake is not packaged yet: build the whole project");
        services = PackagedServices.start("aggregation-exhaustion");
        aggregation = new RawHttp(services.aggregation.url(), Duration.ofSeconds(30));
        reader = services.token(null, ForgedTokens.READER);
        RawHttp intake = new RawHttp(services.intake.url(), Duration.ofSeconds(30));
        String submitter = services.token("64", ForgedTokens.SUBMITTER);
        Random random = new Random(640402);
        for (Division township : DivisionTable.national().children("640402")) {
            intake.send(Request.postJson("/api/v1/submissions", submitter, ValidReports.submission(township.code(),
                    township.name(), null, YEAR, ValidReports.random(random, 30)).toString()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.aggregation.failureLines(20).forEach(line -> System.out.println("LOG " + line));
            services.close();
        }
    }

    @BeforeEach
    void aliveBeforeEachAttack() throws Exception {
        softly = new SoftAssertions();
        if (!services.aggregation.alive()) {
            System.out.println("aggregation died in an earlier attack; restarting it");
            services.aggregation.start();
        }
    }

    @Test
    void longTrendsPerProvinceAreRefusedAndTheHeapHolds() throws Exception {
        List<String> codes = new ArrayList<>(List.of("CN"));
        DivisionTable.national().all().stream().filter(d -> d.level() == DivisionLevel.PROVINCE)
                .forEach(d -> codes.add(d.code()));
        for (String code : codes) {
            Reply reply = aggregation.send(Request.get("/api/v1/aggregates/" + code + "/trend?from=1990&to=2039", reader));
            softly.assertThat(reply.status()).as("trend 1990..2039 of %s: %s", code, reply.brief()).isEqualTo(400);
            softly.assertThat(reply.isProblem()).as("a refused trend is a problem").isTrue();
        }
        Reply fifty = aggregation.send(Request.get("/api/v1/aggregates/CN/trend?from=2021&to=2070", reader));
        System.out.printf("trend CN 2021..2070: %d, %d bytes in %d ms%n", fifty.status(), fifty.body().length,
                fifty.millis());
        softly.assertThat(fifty.status()).as("a 50-year trend (as long as 1990..2039): " + fifty.brief()).isEqualTo(400);

        // Every range a client may ask for, of every province and city: the answers the cache would keep.
        List<String> units = new ArrayList<>(codes);
        DivisionTable.national().all().stream().filter(d -> d.level() == DivisionLevel.CITY).forEach(d -> units.add(d.code()));
        List<String> paths = new ArrayList<>();
        for (int length = 49; length >= 0; length--) {
            for (String code : units) {
                paths.add("/api/v1/aggregates/" + code + "/trend?from=2021&to=" + (2021 + length));
            }
        }
        attack("distinct trends of " + units.size() + " provinces and cities", paths, 200, 400);
    }

    @Test
    void childTablesOfEveryCountyArePagedAndTheHeapHolds() throws Exception {
        JsonNode firstPage = json(aggregation.send(Request.get("/api/v1/aggregates/CN/" + YEAR + "/children?page=0&size=5",
                reader)));
        JsonNode secondPage = json(aggregation.send(Request.get("/api/v1/aggregates/CN/" + YEAR
                + "/children?page=1&size=5", reader)));
        System.out.printf("children of CN, page 0 size 5: %d rows; page 1: %d rows%n",
                firstPage.path("children").size(), secondPage.path("children").size());
        softly.assertThat(firstPage.path("children").size()).as("rows of /children?page=0&size=5").isBetween(1, 5);
        softly.assertThat(secondPage.path("children").path(0).path("unit").path("code").asText())
                .as("page 1 starts after page 0").isNotEqualTo(firstPage.path("children").path(0).path("unit")
                        .path("code").asText());
        Reply unbounded = aggregation.send(Request.get("/api/v1/aggregates/CN/" + YEAR + "/children?size=1000000000",
                reader));
        softly.assertThat(unbounded.status()).as("/children?size=10^9: " + unbounded.brief()).isEqualTo(400);

        List<String> paths = new ArrayList<>();
        List<Division> parents = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.COUNTY || d.level() == DivisionLevel.CITY).toList();
        for (int year = 2021; year <= 2025; year++) {
            for (Division parent : parents) {
                paths.add("/api/v1/aggregates/" + parent.code() + "/" + year + "/children");
            }
        }
        attack("child tables of every city and county", paths, 200);
    }

    /** Sends the paths from 4 clients until they are done or the attack's time is up, then checks the service. */
    private void attack(String attack, List<String> paths, Integer... allowed) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(ATTACK_SECONDS);
        for (String path : paths) {
            clients.submit(() -> {
                if (System.nanoTime() > deadline || !services.aggregation.alive()) {
                    return;
                }
                Reply reply = aggregation.send(Request.get(path, reader));
                statuses.merge(reply.status(), 1, Integer::sum);
                bytes.addAndGet(reply.body().length);
                slowest.accumulateAndGet(reply.millis(), Math::max);
                if (!List.of(allowed).contains(reply.status()) && unexpected.size() < 10) {
                    unexpected.add(path + " -> " + reply.brief());
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(ATTACK_SECONDS + 60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %d requests in %d ms, by status %s, %s of answers, slowest %d ms%n", attack,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), millis, new TreeMap<>(statuses),
                megabytes(bytes.get()), slowest.get());
        unexpected.forEach(line -> System.out.println("UNEXPECTED " + line));
        softly.assertThat(unexpected).as("answers other than " + List.of(allowed) + " during " + attack).isEmpty();

        boolean alive = services.aggregation.alive();
        boolean ready = alive && services.aggregation.ready();
        long highWater = services.aggregation.heapHighWaterBytes();
        System.out.printf("%s: aggregation alive %s, ready %s; heap high-water %s of -Xmx %s%n", attack, alive, ready,
                megabytes(highWater), megabytes(services.aggregation.maxHeapBytes()));
        softly.assertThat(alive).as("aggregation alive after " + attack).isTrue();
        softly.assertThat(ready).as("aggregation ready after " + attack).isTrue();
        softly.assertThat(highWater).as("heap high-water after %s (bytes)", attack)
                .isLessThan(services.aggregation.maxHeapBytes());
        if (ready) {
            Reply normal = aggregation.send(Request.get("/api/v1/aggregates/640402/" + YEAR, reader));
            System.out.printf("a normal read after %s: %d in %d ms%n", attack, normal.status(), normal.millis());
            softly.assertThat(normal.status()).as("a normal read after " + attack).isEqualTo(200);
            softly.assertThat(normal.millis()).as("a normal read's latency after %s, ms", attack).isLessThan(1_000);
        }
        softly.assertAll();
    }

    private static JsonNode json(Reply reply) throws IOException {
        return reply.status() == 200 ? IntakeStub.JSON.readTree(reply.body()) : IntakeStub.JSON.createObjectNode();
    }
}
