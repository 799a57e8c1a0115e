package io.gongkai.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

import static io.gongkai.aggregation.support.Totals.cells;
import static io.gongkai.aggregation.support.Totals.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both packaged services as child processes on random ports, talking over real HTTP, each on its own fresh
 * database (H2 files in a temporary directory, or MySQL databases when -Dquarkus.profile contains mysql; the jars
 * must then have been built with that profile). 原州区 (640402, 14 townships) in 固原市 (6404) reports 2023: 13
 * townships report, one corrects its report, the aggregator is killed mid-stream and restarted. The services' logs
 * are in the temporary directory, kept with -Dgongkai.e2e.keep=true.
 */
class AggregationEndToEndIT {

    static final String DISTRICT = "640402";
    static final String CITY = "6404";
    static final int YEAR = 2023;
    static final Path INTAKE_JAR = Path.of(System.getProperty("gongkai.e2e.intake-jar",
            "../intake-service/target/quarkus-app/quarkus-run.jar"));
    static final Path AGGREGATION_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final boolean MYSQL = System.getProperty("quarkus.profile", "").contains("mysql");

    static Path work;
    static KeyPair keys;
    static String suffix = Long.toString(System.currentTimeMillis());
    static int intakePort;
    static int aggregationPort;
    static Process intake;
    static Process aggregation;

    @BeforeAll
    static void startBothServices() throws Exception {
        assumeTrue(Files.exists(INTAKE_JAR), "intake is not packaged yet (" + INTAKE_JAR + "): build the whole project");
        work = Files.createTempDirectory("gongkai-e2e");
        // Intake generates its token key pair in its data directory on first start unless one is there: this one.
        keys = LocalKeys.ensure(work.resolve("intake/keys"));
        intakePort = freePort();
        aggregationPort = freePort();
        intake = start(INTAKE_JAR, "intake", intakePort, List.of("-Dintake.mysql.database=gongkai_intake_it" + suffix));
        awaitReady(intakePort, intake);
        aggregation = startAggregation();
    }

    static Process startAggregation() throws Exception {
        Process process = start(AGGREGATION_JAR, "aggregation", aggregationPort, List.of(
                "-Daggregation.mysql.database=gongkai_aggregation_it" + suffix,
                "-Dquarkus.rest-client.intake.url=http://127.0.0.1:" + intakePort,
                // Trusts, and signs its own service identity with, the installation's key pair (intake's).
                "-Dgongkai.jwt.key-dir=" + work.resolve("intake/keys")));
        awaitReady(aggregationPort, process);
        return process;
    }

    @AfterAll
    static void stopBothServices() throws Exception {
        for (Process process : new Process[] {aggregation, intake}) {
            if (process != null) {
                process.destroyForcibly().waitFor();
            }
        }
        if (work != null && !Boolean.getBoolean("gongkai.e2e.keep")) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (MYSQL && work != null) {
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS gongkai_intake_it" + suffix);
                statement.execute("DROP DATABASE IF EXISTS gongkai_aggregation_it" + suffix);
            }
        }
    }

    @Test
    void aDistrictAndItsCityAddUpAfterACorrectionAndARestartOfTheAggregator() throws Exception {
        List<Division> townships = DivisionTable.national().children(DISTRICT);
        assertThat(townships).hasSize(14);
        Division silent = townships.get(7);
        List<Division> reporting = new ArrayList<>(townships);
        reporting.remove(silent);
        Random random = new Random(640402);
        Map<String, CellValues> current = new LinkedHashMap<>();
        List<Long> freshness = new ArrayList<>();

        // Five reports while the aggregator runs, each timed until the nation's total shows it.
        for (Division township : reporting.subList(0, 5)) {
            CellValues report = ValidReports.random(random, 30);
            submit(township, report, 201);
            long start = System.nanoTime();
            int expectedReports = current.size() + 1;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> nationReports() == expectedReports);
            freshness.add((System.nanoTime() - start) / 1_000_000);
            current.put(township.code(), report);
        }

        // The aggregator dies without warning; intake keeps accepting, a correction among them.
        aggregation.destroyForcibly().waitFor();
        for (Division township : reporting.subList(5, 10)) {
            CellValues report = ValidReports.random(random, 30);
            submit(township, report, 201);
            current.put(township.code(), report);
        }
        CellValues correction = ValidReports.random(random, 30);
        submit(reporting.get(0), correction, 201);
        current.put(reporting.get(0).code(), correction);
        submit(reporting.get(1), current.get(reporting.get(1).code()), 200);

        aggregation = startAggregation();
        for (Division township : reporting.subList(10, 13)) {
            CellValues report = ValidReports.random(random, 30);
            submit(township, report, 201);
            current.put(township.code(), report);
        }
        long lastCursor = intakeCursor();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> aggregateOf(DISTRICT).at("/asOf/cursor").asLong() >= lastCursor);

        JsonNode district = aggregateOf(DISTRICT);
        assertThat(cells(district.get("totals"))).isEqualTo(ValidReports.sum(current.values()));
        assertThat(district.at("/reports").asInt()).isEqualTo(13);
        assertThat(district.at("/reporting/expected").asInt()).isEqualTo(14);
        assertThat(district.at("/reporting/received").asInt()).isEqualTo(13);
        assertThat(district.at("/reporting/missingCount").asInt()).isEqualTo(1);
        assertThat(district.at("/reporting/missing/0/code").asText()).isEqualTo(silent.code());
        assertThat(district.at("/reporting/missing/0/name").asText()).isEqualTo(silent.name());
        assertThat(district.at("/reporting/missing")).hasSize(1);

        JsonNode city = aggregateOf(CITY);
        JsonNode districts = json(api().get("/api/v1/aggregates/{code}/{year}/children", CITY, YEAR).then().statusCode(200));
        List<CellValues> rows = new ArrayList<>();
        districts.get("children").forEach(row -> rows.add(cells(row.get("totals"))));
        assertThat(cells(city.get("totals"))).isEqualTo(ValidReports.sum(rows)).isEqualTo(cells(district.get("totals")));
        assertThat(city.at("/reporting/received").asInt()).isEqualTo(13);

        Collections.sort(freshness);
        System.out.printf("freshness (intake 201 -> nation's total shows it), ms: %s; median %d, max %d%n", freshness,
                freshness.get(freshness.size() / 2), freshness.get(freshness.size() - 1));
        assertThat(freshness.get(freshness.size() / 2)).as("median freshness in ms").isLessThan(1_000);

        for (String code : List.of("CN", "64", CITY, DISTRICT, reporting.get(0).code())) {
            long[] micros = new long[50];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                api().get("/api/v1/aggregates/{code}/{year}", code, YEAR).then().statusCode(200);
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            java.util.Arrays.sort(micros);
            System.out.printf("GET /api/v1/aggregates/%s/%d over HTTP: median %d us, max %d us (50 requests)%n", code, YEAR,
                    micros[micros.length / 2], micros[micros.length - 1]);
        }

        JsonNode rebuilt = json(admin().post("/api/v1/admin/rebuild").then().statusCode(200));
        assertThat(rebuilt.get("cursor").asLong()).isEqualTo(lastCursor);
        JsonNode afterRebuild = aggregateOf(DISTRICT);
        assertThat(cells(afterRebuild.get("totals"))).isEqualTo(cells(district.get("totals")));
        assertThat(afterRebuild.get("reporting")).isEqualTo(district.get("reporting"));
    }

    /**
     * 西吉县 (640422) reports across the change of form through intake: one township 2019, 2020 (the trial form) and
     * 2021; another its 2021 report in the trial form still, a third in the 2021 form. The 2021 totals stay apart per
     * form, each exact; the township's trend carries the comparable cells across the change and leaves out the rest.
     */
    @Test
    void reportsInTwoFormsAreTotalledApartAndTrendedTogether() throws Exception {
        String county = "640422";
        List<Division> townships = DivisionTable.national().children(county);
        Division changing = townships.get(0);
        Division oldTable = townships.get(1);
        Division newTable = townships.get(2);
        Random random = new Random(640422);
        CellValues first = ValidReports.random(ValidReports.FORM_2019, random, 30);
        CellValues second = ValidReports.following(ValidReports.FORM_2019, random, 30, first);
        CellValues third = ValidReports.following(ValidReports.FORM, random, 30, second);
        CellValues stillOld = ValidReports.random(ValidReports.FORM_2019, random, 30);
        CellValues alreadyNew = ValidReports.random(ValidReports.FORM, random, 30);
        submit(county, changing, 2019, first);
        submit(county, changing, 2020, second);
        submit(county, changing, 2021, third);
        submit(county, oldTable, 2021, stillOld);
        submit(county, newTable, 2021, alreadyNew);
        long lastCursor = intakeCursor();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> aggregateOf(county, 2021).at("/asOf/cursor").asLong() >= lastCursor);

        JsonNode year2021 = aggregateOf(county, 2021);
        assertThat(year2021.get("formVersion").asText()).isEqualTo("2021");
        assertThat(year2021.get("reports").asInt()).isEqualTo(2);
        assertThat(cells(year2021.get("totals"))).isEqualTo(ValidReports.sum(List.of(third, alreadyNew)));
        assertThat(year2021.at("/otherForms/0/formVersion").asText()).isEqualTo("2019");
        assertThat(year2021.at("/otherForms/0/reports").asInt()).isEqualTo(1);
        assertThat(year2021.at("/reporting/received").asInt()).as("a unit has reported whatever form it used").isEqualTo(3);
        JsonNode inOldForm = json(api().get("/api/v1/aggregates/{code}/2021?formVersion=2019", county).then().statusCode(200));
        assertThat(cells(ValidReports.FORM_2019, inOldForm.get("totals"))).isEqualTo(stillOld);
        assertThat(cells(ValidReports.FORM_2019, aggregateOf(county, 2020).get("totals"))).isEqualTo(second);

        JsonNode trend = json(api().get("/api/v1/aggregates/{code}/trend?from=2019&to=2021", changing.code())
                .then().statusCode(200));
        assertThat(trend.get("formVersion").asText()).isEqualTo("2021");
        JsonNode y2019 = trend.at("/years/0");
        JsonNode y2021 = trend.at("/years/2");
        assertThat(y2019.get("formVersion").asText()).isEqualTo("2019");
        for (String column : List.of("naturalPerson", "commercialEnterprise", "total")) {
            assertThat(y2019.at("/totals/applications/results/other/" + column).decimalValue())
                    .isEqualByComparingTo(first.get("applications.results.other." + column));
            assertThat(y2021.at("/totals/applications/results/other/" + column).decimalValue()).isEqualByComparingTo(
                    third.get("applications.results.other.overdueCorrection." + column)
                            .add(third.get("applications.results.other.overdueFee." + column))
                            .add(third.get("applications.results.other.other." + column)));
        }
        assertThat(y2019.at("/totals/applications/newReceived/total").decimalValue())
                .isEqualByComparingTo(first.get("applications.newReceived.total"));
        assertThat(y2019.at("/totals/activeDisclosure/fees/amountWanYuan").isMissingNode())
                .as("a cell the 2019 form has nothing comparable for is absent, never zero").isTrue();
        assertThat(y2019.get("absent").toString()).contains("/activeDisclosure/fees/amountWanYuan");
        assertThat(y2021.at("/totals/activeDisclosure/fees/amountWanYuan").decimalValue())
                .isEqualByComparingTo(third.get("activeDisclosure.fees.amountWanYuan"));
    }

    private static void submit(String scope, Division township, int year, CellValues report) {
        given().baseUri("http://127.0.0.1:" + intakePort).auth().oauth2(token(Roles.SUBMITTER, scope))
                .contentType(ContentType.JSON)
                .body(ValidReports.submission(township.code(), "西吉县" + township.name(), null, year, report).toString())
                .when().post("/api/v1/submissions").then().statusCode(201);
    }

    private static JsonNode aggregateOf(String code, int year) {
        return json(api().get("/api/v1/aggregates/{code}/{year}", code, year).then().statusCode(200));
    }

    private static void submit(Division township, CellValues report, int status) {
        given().baseUri("http://127.0.0.1:" + intakePort).auth().oauth2(token(Roles.SUBMITTER, DISTRICT))
                .contentType(ContentType.JSON)
                .body(ValidReports.submission(township.code(), "原州区" + township.name(), null, YEAR, report).toString())
                .when().post("/api/v1/submissions").then().statusCode(status);
    }

    private static long intakeCursor() {
        long after = 0;
        while (true) {
            JsonNode page = json(given().baseUri("http://127.0.0.1:" + intakePort).auth().oauth2(token(Roles.SERVICE, null))
                    .when().get("/api/v1/feed?after={after}&limit=1000", after).then().statusCode(200));
            if (page.get("entries").isEmpty()) {
                return after;
            }
            after = page.get("next").asLong();
        }
    }

    private static int nationReports() {
        return json(api().get("/api/v1/aggregates/CN/trend?from={year}&to={year}", YEAR, YEAR).then().statusCode(200))
                .at("/years/0/reports").asInt();
    }

    private static JsonNode aggregateOf(String code) {
        return json(api().get("/api/v1/aggregates/{code}/{year}", code, YEAR).then().statusCode(200));
    }

    /** Requests to aggregation as a dashboard reader. */
    private static RequestSpecification api() {
        return given().baseUri("http://127.0.0.1:" + aggregationPort).auth().oauth2(token(Roles.READER, null)).when();
    }

    private static RequestSpecification admin() {
        return given().baseUri("http://127.0.0.1:" + aggregationPort).auth().oauth2(token(Roles.ADMIN, null)).when();
    }

    private static String token(String role, String unitPrefix) {
        var claims = Jwt.issuer("https://gongkai.local").subject("e2e-" + role).upn("e2e-" + role).groups(role)
                .expiresIn(Duration.ofHours(2));
        if (unitPrefix != null) {
            claims.claim(Roles.UNIT_PREFIX, unitPrefix);
        }
        return claims.sign(keys.getPrivate());
    }

    private static Process start(Path jar, String name, int port, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dgongkai.data-dir=" + work.resolve(name),
                // The build runs the tests outside UTC; so do the services they start.
                "-Duser.timezone=" + TimeZone.getDefault().getID()));
        if (MYSQL) {
            command.add("-Dquarkus.profile=mysql");
        }
        command.addAll(extra);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Path log = work.resolve(name + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void awaitReady(int port, Process process) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("service on port " + port + " exited; see the logs in " + work);
            }
            try {
                return given().baseUri("http://127.0.0.1:" + port).when().get("/q/health/ready").statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
