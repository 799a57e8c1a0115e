package io.gongkai.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.Tokens;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.PackagedService;
import io.gongkai.contracts.testing.ValidReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gongkai.aggregation.support.IntakeStub.JSON;
import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Several instances on one MySQL server, as production runs them: intake A and B on one database, aggregation A
 * (following intake A) and B (following intake B) on another, all four the packaged jars with the JVM options of
 * deploy/jvm-options. Eight clients submit and correct the reports of the 25 townships of 兴庆区 and 永宁县 (银川市)
 * through both intakes, each client retrying a request that got no answer against the other instance. Mid-load
 * intake A and aggregation B are killed with SIGKILL and restarted. Then every version acknowledged to a client is
 * in the feed exactly once, in one order, and every total of both aggregation instances equals the sum of the
 * current versions computed here from the feed: no version lost, stored twice or applied twice.
 * <p>
 * Runs on the MySQL pass only (the jars must be the MySQL build): two processes cannot share an embedded H2 file.
 * Each run creates its own databases (the configured names plus {@code _m<timestamp>}) and drops them. The services'
 * logs are in a temporary directory, kept with -Dgongkai.e2e.keep=true.
 */
@EnabledIfSystemProperty(named = "quarkus.profile", matches = ".*mysql.*",
        disabledReason = "several instances need a shared server database: runs with -Dquarkus.profile=mysql")
class MultiInstanceIT {

    static final int YEAR = 2023;
    static final String PROVINCE = "64";
    static final String CITY = "6401";
    static final List<String> COUNTIES = List.of("640104", "640121");
    static final int CLIENTS = 8;
    /** Each client's pause between submissions: the load stays steady instead of starving the restarts of CPU. */
    static final Duration PACE = Duration.ofMillis(40);
    /** Generous: on a CI machine busy with other builds a start has been seen to take a minute. */
    static final Duration START_LIMIT = Duration.ofSeconds(150);
    static final Path INTAKE_JAR = Path.of(System.getProperty("gongkai.e2e.intake-jar",
            "../intake-service/target/quarkus-app/quarkus-run.jar"));
    static final Path AGGREGATION_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    static final String SUFFIX = "_m" + System.currentTimeMillis();
    static final String INTAKE_DATABASE = System.getProperty("intake.mysql.database", "gongkai_intake") + SUFFIX;
    static final String AGGREGATION_DATABASE =
            System.getProperty("aggregation.mysql.database", "gongkai_aggregation") + SUFFIX;

    static Path work;
    static KeyPair keys;
    static PackagedService intakeA;
    static PackagedService intakeB;
    static PackagedService aggregationA;
    static PackagedService aggregationB;
    static boolean databasesCreated;

    final List<Division> townships = COUNTIES.stream().flatMap(c -> DivisionTable.national().children(c).stream())
            .toList();
    final List<Ack> acks = new ArrayList<>();
    final AtomicInteger retries = new AtomicInteger();
    volatile boolean loading = true;

    /** A submission a client got 201 or 200 for, and the instance that answered. */
    record Ack(String unitCode, int version, String contentHash, int status, String answeredBy) {
    }

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        assumeTrue(Files.exists(INTAKE_JAR), "intake is not packaged yet (" + INTAKE_JAR + "): build the whole project");
        work = Files.createTempDirectory("gongkai-multi");
        keys = LocalKeys.ensure(work.resolve("keys"));
        mysql("CREATE DATABASE " + INTAKE_DATABASE + " CHARACTER SET utf8mb4",
                "CREATE DATABASE " + AGGREGATION_DATABASE + " CHARACTER SET utf8mb4");
        databasesCreated = true;

        // All four start together, as replicas do: the services' own migrations and loads meet on fresh databases.
        intakeA = service("intake-a", INTAKE_JAR, "-Dintake.mysql.database=" + INTAKE_DATABASE);
        intakeB = service("intake-b", INTAKE_JAR, "-Dintake.mysql.database=" + INTAKE_DATABASE);
        aggregationA = service("aggregation-a", AGGREGATION_JAR, "-Daggregation.mysql.database=" + AGGREGATION_DATABASE,
                "-Dquarkus.rest-client.intake.url=" + intakeA.url());
        aggregationB = service("aggregation-b", AGGREGATION_JAR, "-Daggregation.mysql.database=" + AGGREGATION_DATABASE,
                "-Dquarkus.rest-client.intake.url=" + intakeB.url());
        startTogether(intakeA, intakeB, aggregationA, aggregationB);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (PackagedService service : new PackagedService[] {aggregationA, aggregationB, intakeA, intakeB}) {
            if (service != null) {
                service.stop();
            }
        }
        if (databasesCreated) {
            mysql("DROP DATABASE IF EXISTS " + INTAKE_DATABASE, "DROP DATABASE IF EXISTS " + AGGREGATION_DATABASE);
        }
        if (work != null && !Boolean.getBoolean("gongkai.e2e.keep")) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyAcknowledgedVersionIsInTheFeedOnceAndEveryTotalIsExactAfterKillingOneOfEach() throws Exception {
        assertThat(townships).hasSize(25);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Void>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int seed = client;
            clients.add(pool.submit(() -> load(seed)));
        }

        awaitAcks(150);
        intakeA.stop();
        awaitAcks(acknowledged() + 60);
        aggregationB.stop();
        awaitAcks(acknowledged() + 60);
        startTogether(intakeA, aggregationB);
        int restarted = acknowledged();
        awaitAcks(restarted + 100);
        loading = false;
        pool.shutdown();
        for (Future<Void> client : clients) {
            client.get(90, TimeUnit.SECONDS);
        }
        long loadMillis = (System.nanoTime() - start) / 1_000_000;

        List<FeedEntry> feed = feed(intakeA);
        assertThat(feed(intakeB)).as("the feed as intake B serves it").isEqualTo(feed);
        assertOneOrder(feed);
        assertEveryAcknowledgedVersionIsInTheFeed(feed);
        assertThat(acks.subList(restarted, acks.size())).extracting(Ack::answeredBy).as("load after the restart")
                .contains(intakeA.name(), intakeB.name());

        Map<String, CellValues> current = currentVersions(feed);
        long last = feed.get(feed.size() - 1).cursor();
        long catchingUp = System.nanoTime();
        for (PackagedService aggregation : List.of(aggregationA, aggregationB)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> aggregate(aggregation, "CN").at("/asOf/cursor").asLong() == last);
        }
        long catchUpMillis = (System.nanoTime() - catchingUp) / 1_000_000;
        for (PackagedService aggregation : List.of(aggregationA, aggregationB)) {
            assertTotals(aggregation, current);
        }

        long replays = acks.stream().filter(a -> a.status() == 200).count();
        System.out.printf("%d submissions acknowledged (%d as replays) in %d ms of load, %d requests retried on the"
                        + " other instance; feed of %d versions (%d never acknowledged), %d townships reporting; aggregation"
                        + " caught up %d ms after the load%n", acks.size(), replays, loadMillis, retries.get(),
                feed.size(), feed.size() - acknowledgedVersions().size(), current.size(), catchUpMillis);
    }

    /** One client: random townships, new reports and now and then the same report again, until told to stop. */
    private Void load(int seed) throws Exception {
        Random random = new Random(seed);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String submitter = Tokens.sign(keys, Tokens.ISSUER, Roles.SUBMITTER, CITY, Duration.ofHours(1));
        String previous = null;
        while (loading) {
            String body;
            if (previous != null && random.nextInt(10) == 0) {
                body = previous;
            } else {
                Division township = townships.get(random.nextInt(townships.size()));
                body = ValidReports.submission(township.code(), township.name(), null, YEAR,
                        ValidReports.random(random, 30)).toString();
            }
            Ack ack = submitUntilAcknowledged(http, submitter, body, random.nextInt(2));
            synchronized (acks) {
                acks.add(ack);
            }
            previous = body;
            Thread.sleep(PACE.toMillis());
        }
        return null;
    }

    /**
     * Sends the report to one intake, and while nobody answers (the instance is down, or died during the request,
     * or could not confirm the write) the same report to the other one. Only a 2xx counts as acknowledged.
     */
    private Ack submitUntilAcknowledged(HttpClient http, String submitter, String body, int first) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (int attempt = 0; ; attempt++) {
            PackagedService intake = attempt % 2 == first ? intakeA : intakeB;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intake.url()
                                + "/api/v1/submissions")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + submitter).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    JsonNode receipt = JSON.readTree(response.body());
                    return new Ack(receipt.get("unitCode").asText(), receipt.get("version").asInt(),
                            receipt.get("contentHash").asText(), response.statusCode(), intake.name());
                }
                assertThat(response.statusCode()).as("%s answered %s", intake.name(), response.body()).isEqualTo(503);
            } catch (IOException noAnswer) {
                // Not acknowledged: it may or may not be stored, and sending it again tells (201 or a 200 replay).
            }
            retries.incrementAndGet();
            assertThat(Instant.now()).as("no intake acknowledged a submission for 60 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Feed positions strictly increase without gaps; each unit's versions are 1, 2, 3, ... once each, in order. */
    private static void assertOneOrder(List<FeedEntry> feed) {
        Map<String, FeedEntry> latest = new HashMap<>();
        for (int i = 0; i < feed.size(); i++) {
            FeedEntry entry = feed.get(i);
            // Positions are handed out under the sequencer lock in the transaction storing the version: a batch
            // rolled back (its instance killed) gives its positions back.
            assertThat(entry.cursor()).as("feed position of entry %d", i).isEqualTo(i + 1L);
            assertThat(entry.year()).isEqualTo(YEAR);
            FeedEntry before = latest.put(entry.unitCode(), entry);
            assertThat(entry.version()).as("version of %s at position %d", entry.unitCode(), entry.cursor())
                    .isEqualTo(before == null ? 1 : before.version() + 1);
            if (before != null) {
                assertThat(entry.contentHash()).as("%s v%d repeats its previous version: a replay stored as a new"
                        + " version", entry.unitCode(), entry.version()).isNotEqualTo(before.contentHash());
            }
        }
    }

    private void assertEveryAcknowledgedVersionIsInTheFeed(List<FeedEntry> feed) {
        Map<String, FeedEntry> byVersion = new HashMap<>();
        feed.forEach(e -> byVersion.put(e.unitCode() + " v" + e.version(), e));
        Set<String> created = new HashSet<>();
        for (Ack ack : acks) {
            String version = ack.unitCode() + " v" + ack.version();
            assertThat(byVersion).as("acknowledged version %s (%d from %s)", version, ack.status(), ack.answeredBy())
                    .containsKey(version);
            assertThat(byVersion.get(version).contentHash()).as("content of %s", version).isEqualTo(ack.contentHash());
            if (ack.status() == 201) {
                assertThat(created.add(version)).as("%s answered 201 twice", version).isTrue();
            }
        }
    }

    /** The current version of each township, as the feed tells it: its last entry. */
    private static Map<String, CellValues> currentVersions(List<FeedEntry> feed) {
        Map<String, CellValues> current = new HashMap<>();
        feed.forEach(e -> current.put(e.unitCode(), StatisticsJson.read(ValidReports.FORM, e.submission())));
        return current;
    }

    /** Every township's total is its current report, counted once; every level above is their direct sum. */
    private void assertTotals(PackagedService aggregation, Map<String, CellValues> current) {
        String where = aggregation.name();
        for (String county : COUNTIES) {
            List<CellValues> reports = new ArrayList<>();
            JsonNode rows = json(given().baseUri(aggregation.url()).auth().oauth2(reader())
                    .when().get("/api/v1/aggregates/{code}/{year}/children", county, YEAR).then().statusCode(200));
            for (JsonNode row : rows.get("children")) {
                String code = row.at("/unit/code").asText();
                CellValues report = current.get(code);
                assertThat(cells(row.get("totals"))).as("%s: total of %s", where, code)
                        .isEqualTo(report == null ? CellValues.zero(ValidReports.FORM) : report);
                assertThat(row.get("reports").asInt()).as("%s: reports of %s", where, code).isEqualTo(report == null ? 0 : 1);
                if (report != null) {
                    reports.add(report);
                }
            }
            assertLevel(aggregation, county, reports);
        }
        for (String code : List.of(CITY, PROVINCE, "CN")) {
            assertLevel(aggregation, code, List.copyOf(current.values()));
        }
    }

    private void assertLevel(PackagedService aggregation, String code, List<CellValues> reports) {
        JsonNode total = aggregate(aggregation, code);
        assertThat(cells(total.get("totals"))).as("%s: total of %s", aggregation.name(), code)
                .isEqualTo(ValidReports.sum(reports));
        assertThat(total.get("reports").asInt()).as("%s: reports of %s", aggregation.name(), code).isEqualTo(reports.size());
        assertThat(total.at("/reporting/received").asInt()).as("%s: received of %s", aggregation.name(), code)
                .isEqualTo(reports.size());
    }

    private JsonNode aggregate(PackagedService aggregation, String code) {
        return json(given().baseUri(aggregation.url()).auth().oauth2(reader())
                .when().get("/api/v1/aggregates/{code}/{year}", code, YEAR).then().statusCode(200));
    }

    /** The whole feed, page by page, as an auditor reads it. */
    private static List<FeedEntry> feed(PackagedService intake) throws IOException {
        String auditor = Tokens.sign(keys, Tokens.ISSUER, Roles.AUDITOR, null, Duration.ofHours(1));
        List<FeedEntry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            FeedPage page = JSON.readValue(given().baseUri(intake.url()).auth().oauth2(auditor)
                    .when().get("/api/v1/feed?after={after}&limit=1000", after).then().statusCode(200)
                    .extract().asString(), FeedPage.class);
            if (page.entries().isEmpty()) {
                return entries;
            }
            entries.addAll(page.entries());
            after = page.next();
        }
    }

    private static String reader() {
        return Tokens.sign(keys, Tokens.ISSUER, Roles.READER, null, Duration.ofHours(1));
    }

    private int acknowledged() {
        synchronized (acks) {
            return acks.size();
        }
    }

    private Set<String> acknowledgedVersions() {
        Set<String> versions = new HashSet<>();
        acks.forEach(a -> versions.add(a.unitCode() + " v" + a.version()));
        return versions;
    }

    private void awaitAcks(int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> acknowledged() >= count);
    }

    /** A service with the installation's key pair and, on the mysql profile, the server settings given to the tests. */
    private static PackagedService service(String name, Path jar, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of("-Dquarkus.profile=mysql", "-Dgongkai.jwt.key-dir=" + work.resolve("keys")));
        for (String setting : List.of("gongkai.mysql.host", "gongkai.mysql.port", "gongkai.mysql.user",
                "gongkai.mysql.password")) {
            if (System.getProperty(setting) != null) {
                all.add("-D" + setting + "=" + System.getProperty(setting));
            }
        }
        all.addAll(List.of(options));
        return new PackagedService(name, jar, work.resolve(name), PackagedService.JVM_OPTIONS, all);
    }

    private static void startTogether(PackagedService... services) throws Exception {
        for (PackagedService service : services) {
            service.launch();
        }
        for (PackagedService service : services) {
            service.awaitReady(START_LIMIT);
        }
    }

    private static void mysql(String... statements) throws SQLException {
        String server = System.getProperty("gongkai.mysql.host", "127.0.0.1") + ":"
                + System.getProperty("gongkai.mysql.port", "3306");
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + server + "/",
                System.getProperty("gongkai.mysql.user", "root"), System.getProperty("gongkai.mysql.password", ""));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
