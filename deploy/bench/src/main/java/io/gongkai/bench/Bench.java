package io.gongkai.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.StatisticsJson;
import org.HdrHistogram.Histogram;

import java.net.ServerSocket;
import java.net.URI;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The Gongkai benchmark (issue 5): loads every township's report for a year into the packaged intake service on
 * MariaDB/MySQL, measures how soon the aggregation service shows the national total, how fast it answers reads and
 * rebuilds, and compares with raw JDBC baselines on the same server. Run through deploy/bench/run.sh.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .setNodeFactory(StatisticsJson.NODES);

    private static final Map<String, String> READ_LEVELS = new LinkedHashMap<>();

    static {
        READ_LEVELS.put("nation", "CN");
        READ_LEVELS.put("province", "64");
        READ_LEVELS.put("city", "6404");
        READ_LEVELS.put("county", "640402");
    }

    // ---- options
    private String scale = "all";
    private int clients = 32;
    private int readClients = 32;
    private int readsPerLevel = 1000;
    /** Unrecorded reads per level before any level is measured: a dashboard service is read all day, not cold. */
    private int readWarmup = 20_000;
    private int intakeWarmup = 10_000;
    private double readSeconds = 120;
    private long seed = 2024;
    private double correctionShare = 0.05;
    private Path repo = Path.of("../..").toAbsolutePath().normalize();
    private Path out;
    private Path apps;
    private String command = "deploy/bench/run.sh";
    private boolean skipBaselines;
    private boolean skipServices;
    private List<String> serviceJvmOptions = List.of();
    private List<String> intakeJvmOptions = List.of();
    private List<String> aggregationJvmOptions = List.of();
    private int freshnessTimeoutSeconds = 900;
    private String intakeDb = "gongkai_bench_intake";
    private String aggregationDb = "gongkai_bench_aggregation";
    private String rawDb = "gongkai_bench_raw";
    private final Db db = new Db(env("GONGKAI_MYSQL_HOST", "127.0.0.1"),
            Integer.parseInt(env("GONGKAI_MYSQL_PORT", "3306")), env("GONGKAI_MYSQL_USER", "root"),
            env("GONGKAI_MYSQL_PASSWORD", ""));

    // ---- results (null / NaN = not measured)
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int townships;
    private int corrections;
    private double generateSeconds;
    private int bodyBytesAvg;
    private Baselines.Insert baselineSingle;
    private Baselines.Insert baselineBatched;
    private double wideLoadSeconds = Double.NaN;
    private List<Baselines.Query> wideQueries = List.of();
    private Load originals;
    private Load correctionLoad;
    private final Map<String, Double> cpu = new LinkedHashMap<>();
    private double freshnessSeconds = Double.NaN;
    private int freshnessPolls;
    private String freshnessNote = "";
    private final Map<String, Load> reads = new LinkedHashMap<>();
    private final Map<String, Load> sequentialReads = new LinkedHashMap<>();
    private final Map<String, double[]> readCpu = new LinkedHashMap<>();
    private final Map<String, String> levelChecks = new LinkedHashMap<>();
    private double rebuildSeconds = Double.NaN;
    private double rebuildCompleteSeconds = Double.NaN;
    private String rebuildResponse = "";
    private long intakeHwmKb = -1;
    private long aggregationHwmKb = -1;
    private long intakeRssKb = -1;
    private long aggregationRssKb = -1;
    private Load warmup;
    private String failure;

    /** @param p99ByWindow the p99 (ms) of the requests answered in each {@link #WINDOW_SECONDS} of the run, in order */
    record Load(int requests, int ok, double seconds, Histogram latency, Map<Integer, Integer> statuses,
            List<String> samples, long lastOkNanos, List<Double> p99ByWindow) {
        double okPerSecond() {
            return ok / seconds;
        }

        int errors() {
            return requests - ok;
        }
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        bench.parse(args);
        int status = bench.run();
        System.exit(status);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--scale" -> { scale = v; i++; }
                case "--clients" -> { clients = Integer.parseInt(v); i++; }
                case "--read-clients" -> { readClients = Integer.parseInt(v); i++; }
                case "--reads" -> { readsPerLevel = Integer.parseInt(v); i++; }
                case "--read-warmup" -> { readWarmup = Integer.parseInt(v); i++; }
                case "--intake-warmup" -> { intakeWarmup = Integer.parseInt(v); i++; }
                case "--read-seconds" -> { readSeconds = Double.parseDouble(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--corrections" -> { correctionShare = Double.parseDouble(v); i++; }
                case "--repo" -> { repo = Path.of(v).toAbsolutePath().normalize(); i++; }
                case "--apps" -> { apps = Path.of(v).toAbsolutePath(); i++; }
                case "--out" -> { out = Path.of(v).toAbsolutePath(); i++; }
                case "--command" -> { command = v; i++; }
                case "--service-jvm-opts" -> { serviceJvmOptions = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+")); i++; }
                case "--intake-jvm-opts" -> { intakeJvmOptions = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+")); i++; }
                case "--aggregation-jvm-opts" -> { aggregationJvmOptions = v.isBlank() ? List.of() : List.of(v.trim().split("\\s+")); i++; }
                case "--freshness-timeout" -> { freshnessTimeoutSeconds = Integer.parseInt(v); i++; }
                case "--skip-baselines" -> skipBaselines = true;
                case "--skip-services" -> skipServices = true;
                default -> throw new IllegalArgumentException("unknown option " + a + "; see deploy/bench/README.md");
            }
        }
        if (out == null) {
            out = repo.resolve("deploy/bench/RESULTS.md");
        }
    }

    private int resolveScale() {
        int all = Generator.allTownships();
        if (scale == null || scale.equals("all")) {
            return all;
        }
        if (scale.contains(".")) {
            double f = Double.parseDouble(scale);
            if (f <= 0 || f > 1) {
                throw new IllegalArgumentException("--scale fraction must be in (0, 1]");
            }
            return Math.max(1, (int) Math.round(all * f));
        }
        return Math.max(1, Math.min(all, Integer.parseInt(scale)));
    }

    private int run() throws Exception {
        describeMachine();
        System.out.println("Machine: " + machine);

        // ---- data
        long g0 = System.nanoTime();
        Generator generator = new Generator(seed);
        List<Division> units = Generator.townships(resolveScale());
        townships = units.size();
        List<byte[]> originalBodies = new ArrayList<>(townships);
        List<CellValues> current = new ArrayList<>(townships);
        SplittableRandom pick = new SplittableRandom(seed);
        List<Integer> corrected = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < townships; i++) {
            Division d = units.get(i);
            CellValues v1 = generator.values(d, Generator.YEAR, 1);
            byte[] body = generator.body(d, v1, Generator.YEAR);
            bytes += body.length;
            originalBodies.add(body);
            current.add(v1);
            if (pick.nextDouble() < correctionShare) {
                corrected.add(i);
            }
        }
        List<Division> correctionUnits = new ArrayList<>();
        List<byte[]> correctionBodies = new ArrayList<>();
        for (int i : corrected) {
            Division d = units.get(i);
            CellValues v2 = generator.values(d, Generator.YEAR, 2);
            if (v2.equals(current.get(i))) {
                continue; // identical figures would be a 200 (no new version); not a correction
            }
            current.set(i, v2);
            correctionUnits.add(d);
            correctionBodies.add(generator.body(d, v2, Generator.YEAR));
        }
        corrections = correctionBodies.size();
        bodyBytesAvg = (int) (bytes / Math.max(1, townships));
        Map<String, CellValues> expected = new LinkedHashMap<>();
        Map<String, Integer> expectedReceived = new HashMap<>();
        for (String code : List.of("CN", "64", "6404", "640402")) {
            String prefix = code.equals("CN") ? "" : code;
            CellValues sum = CellValues.zero(Generator.FORM);
            int n = 0;
            for (int i = 0; i < townships; i++) {
                if (units.get(i).code().startsWith(prefix)) {
                    sum = sum.plus(current.get(i));
                    n++;
                }
            }
            expected.put(code, sum);
            expectedReceived.put(code, n);
        }
        generateSeconds = (System.nanoTime() - g0) / 1e9;
        System.out.printf("Generated %,d valid township reports for %d (+%,d corrections), avg body %,d bytes, in %.1f s%n",
                townships, Generator.YEAR, corrections, bodyBytesAvg, generateSeconds);

        List<Division> allUnits = new ArrayList<>(units);
        allUnits.addAll(correctionUnits);
        List<byte[]> allBodies = new ArrayList<>(originalBodies);
        allBodies.addAll(correctionBodies);

        long dbPid = Stats.databasePid();
        long self = ProcessHandle.current().pid();

        // ---- baselines
        if (!skipBaselines) {
            try {
                Baselines baselines = new Baselines(db, rawDb);
                baselines.recreate();
                System.out.printf("Baseline (a): %,d single-row autocommit INSERTs, %d connections...%n", allBodies.size(), clients);
                double db0 = Stats.cpuSeconds(dbPid), s0 = Stats.cpuSeconds(self), m0 = Stats.machineBusySeconds();
                baselineSingle = baselines.singleInserts(allUnits, allBodies, clients);
                cpu.put("baseline (a): MariaDB CPU s", Stats.cpuSeconds(dbPid) - db0);
                cpu.put("baseline (a): bench CPU s", Stats.cpuSeconds(self) - s0);
                cpu.put("baseline (a): wall s", baselineSingle.seconds());
                cpu.put("baseline (a): whole machine busy CPU s", Stats.machineBusySeconds() - m0);
                System.out.printf("  %.0f rows/s (%.1f s), p50 %.2f ms p99 %.2f ms%n", baselineSingle.rowsPerSecond(),
                        baselineSingle.seconds(), Stats.ms(baselineSingle.latency(), 50), Stats.ms(baselineSingle.latency(), 99));
                System.out.printf("Baseline (a'): the same, 100 rows per INSERT...%n");
                baselineBatched = baselines.batchedInserts(allUnits, allBodies, clients, 100);
                System.out.printf("  %.0f rows/s (%.1f s)%n", baselineBatched.rowsPerSecond(), baselineBatched.seconds());
                System.out.printf("Baseline (b): wide table, %,d rows x %d cells...%n", townships, Generator.FORM.cells().size());
                wideLoadSeconds = baselines.loadWide(units, current);
                wideQueries = baselines.queryWide(Baselines.levels(), 200, 40);
                for (Baselines.Query q : wideQueries) {
                    System.out.printf("  SUM at %-8s %-6s (%,d rows): p50 %.2f ms p99 %.2f ms over %d runs%n", q.level(), q.code(),
                            q.rowsMatched(), Stats.ms(q.latency(), 50), Stats.ms(q.latency(), 99), q.runs());
                }
            } catch (Exception e) {
                e.printStackTrace();
                notes.add("Baselines failed: " + e);
            }
        }

        // ---- services
        if (!skipServices) {
            Path work = Files.createTempDirectory("gongkai-bench-");
            try (Services services = new Services(work, freePort(), freePort())) {
                runServices(services, units, originalBodies, correctionUnits, correctionBodies, expected, expectedReceived, dbPid, self);
            } catch (Exception e) {
                e.printStackTrace();
                failure = e.toString();
            } finally {
                Path logs = repo.resolve("deploy/bench/target/logs");
                Files.createDirectories(logs);
                for (String log : List.of("intake.log", "aggregation.log")) {
                    if (Files.exists(work.resolve(log))) {
                        Files.copy(work.resolve(log), logs.resolve(log), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                System.out.println("Service logs copied to " + logs + " (data dir " + work + ")");
            }
        }

        String report = report();
        Files.writeString(out, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + out);
        List<String> invalid = invalidity();
        if (!invalid.isEmpty()) {
            System.out.println("The run is not a valid measurement: " + String.join("; ", invalid));
            return 1;
        }
        return 0;
    }

    /** What makes the figures meaningless: a failure, a request that was not answered as expected, wrong totals. */
    private List<String> invalidity() {
        List<String> invalid = new ArrayList<>();
        if (failure != null) {
            invalid.add(failure);
        }
        if (skipServices) {
            return invalid;
        }
        for (Load l : Arrays.asList(warmup, originals, correctionLoad)) {
            if (l != null && l.errors() > 0) {
                invalid.add(l.errors() + " submissions not answered 201");
            }
        }
        reads.forEach((level, l) -> {
            if (l.errors() > 0) {
                invalid.add(l.errors() + " reads at " + level + " not answered 200");
            }
        });
        if (Double.isNaN(freshnessSeconds)) {
            invalid.add("the national total never matched the submissions");
        }
        levelChecks.forEach((code, check) -> {
            if (check.startsWith("MISMATCH")) {
                invalid.add("totals of " + code + ": " + check);
            }
        });
        if (Double.isNaN(rebuildCompleteSeconds)) {
            invalid.add("the national total did not match again after the rebuild");
        }
        return invalid;
    }

    private void runServices(Services services, List<Division> units, List<byte[]> originalBodies,
            List<Division> correctionUnits, List<byte[]> correctionBodies, Map<String, CellValues> expected,
            Map<String, Integer> expectedReceived, long dbPid, long self) throws Exception {
        System.out.println("Services: fresh databases " + intakeDb + ", " + aggregationDb + "; data dir " + services.dataDir);
        db.recreate(intakeDb);
        db.recreate(aggregationDb);
        services.ensureKeys();
        Map<String, String> submitterTokens = new HashMap<>();
        for (Division p : DivisionTable.national().all()) {
            if (p.level() == DivisionLevel.PROVINCE) {
                submitterTokens.put(p.code(), services.token("submitter", p.code()));
            }
        }
        String reader = services.token("reader", null);
        String admin = services.token("admin", null);
        String feedToken = services.token("service", null);

        Path from = apps != null ? apps : repo.resolve("deploy/bench/target/apps");
        Path copies = services.dataDir.resolve("apps");
        Path intakeJar = Services.copyApp(from.resolve("intake"), copies.resolve("intake"));
        Path aggregationJar = Services.copyApp(from.resolve("aggregation"), copies.resolve("aggregation"));
        List<String> common = new ArrayList<>(List.of("-Dquarkus.profile=mysql", "-Dgongkai.data-dir=" + services.dataDir,
                "-Dgongkai.mysql.host=" + db.host, "-Dgongkai.mysql.port=" + db.port, "-Dgongkai.mysql.user=" + db.user,
                "-Dgongkai.mysql.password=" + db.password));
        common.addAll(0, serviceJvmOptions);
        List<String> intakeOpts = new ArrayList<>(intakeJvmOptions);
        intakeOpts.addAll(common);
        intakeOpts.addAll(List.of("-Dintake.mysql.database=" + intakeDb, "-Dquarkus.http.port=" + services.intakePort));
        services.intake = services.start("intake", intakeOpts, intakeJar);
        Services.awaitReady("intake", services.intake, services.intakePort, Duration.ofMinutes(3), services.dataDir.resolve("intake.log"));
        List<String> aggOpts = new ArrayList<>(aggregationJvmOptions);
        aggOpts.addAll(common);
        aggOpts.addAll(List.of("-Daggregation.mysql.database=" + aggregationDb, "-Dquarkus.http.port=" + services.aggregationPort,
                "-Dquarkus.rest-client.intake.url=http://127.0.0.1:" + services.intakePort, "-Dgongkai.feed.token=" + feedToken));
        services.aggregation = services.start("aggregation", aggOpts, aggregationJar);
        Services.awaitReady("aggregation", services.aggregation, services.aggregationPort, Duration.ofMinutes(3),
                services.dataDir.resolve("aggregation.log"));
        long intakePid = services.intake.pid();
        long aggPid = services.aggregation.pid();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        CloseableHttpAsyncClient loadClient = loadClient(Math.max(clients, readClients));
        URI submissions = URI.create("http://127.0.0.1:" + services.intakePort + "/api/v1/submissions");
        String aggBase = "http://127.0.0.1:" + services.aggregationPort + "/api/v1/aggregates/";

        warmUpIntake(loadClient, http, submissions, aggBase, reader, submitterTokens);

        double i0 = Stats.cpuSeconds(intakePid), a0 = Stats.cpuSeconds(aggPid), d0 = Stats.cpuSeconds(dbPid), s0 = Stats.cpuSeconds(self);
        double m0 = Stats.machineBusySeconds();
        System.out.printf("Intake: POST %,d originals with %d clients...%n", originalBodies.size(), clients);
        originals = post(loadClient, submissions, units, originalBodies, submitterTokens);
        printLoad("originals", originals);
        System.out.printf("Intake: POST %,d corrections with %d clients...%n", correctionBodies.size(), clients);
        correctionLoad = post(loadClient, submissions, correctionUnits, correctionBodies, submitterTokens);
        printLoad("corrections", correctionLoad);
        long lastOk = Math.max(originals.lastOkNanos(), correctionLoad.lastOkNanos());
        double intakeCpu = Stats.cpuSeconds(intakePid) - i0, aggCpu = Stats.cpuSeconds(aggPid) - a0;
        double dbCpu = Stats.cpuSeconds(dbPid) - d0, benchCpu = Stats.cpuSeconds(self) - s0;
        double machineCpu = Stats.machineBusySeconds() - m0;
        double wall = originals.seconds() + correctionLoad.seconds();
        cpu.put("intake load: wall s", wall);
        cpu.put("intake load: intake CPU s", intakeCpu);
        cpu.put("intake load: aggregation CPU s", aggCpu);
        cpu.put("intake load: MariaDB CPU s", dbCpu);
        cpu.put("intake load: bench CPU s", benchCpu);
        cpu.put("intake load: whole machine busy CPU s", machineCpu);
        cpu.put("intake load: other processes (not this benchmark) CPU s", machineCpu - intakeCpu - aggCpu - dbCpu - benchCpu);
        System.out.printf("  CPU during load (%.1f s wall, %s cores): intake %.1f s, aggregation %.1f s, MariaDB %.1f s, bench %.1f s%n",
                wall, machine.get("nproc"), intakeCpu, aggCpu, dbCpu, benchCpu);

        // ---- freshness
        System.out.println("Freshness: polling " + aggBase + "CN/" + Generator.YEAR + " every 20 ms...");
        long deadline = lastOk + freshnessTimeoutSeconds * 1_000_000_000L;
        String lastState = "";
        while (System.nanoTime() < deadline) {
            freshnessPolls++;
            try {
                HttpResponse<byte[]> r = get(http, URI.create(aggBase + "CN/" + Generator.YEAR), reader);
                if (r.statusCode() == 200) {
                    String mismatch = mismatch(r.body(), expected.get("CN"), expectedReceived.get("CN"));
                    if (mismatch == null) {
                        freshnessSeconds = (System.nanoTime() - lastOk) / 1e9;
                        break;
                    }
                    lastState = mismatch;
                } else {
                    lastState = "HTTP " + r.statusCode() + ": " + truncate(new String(r.body()), 300);
                }
            } catch (Exception e) {
                lastState = e.toString();
            }
            Thread.sleep(20);
        }
        if (Double.isNaN(freshnessSeconds)) {
            freshnessNote = "national total not complete within " + freshnessTimeoutSeconds + " s; last state: " + lastState;
            System.out.println("  " + freshnessNote);
        } else {
            System.out.printf("  national total complete %.3f s after the last 2xx (%d polls)%n", freshnessSeconds, freshnessPolls);
        }
        for (String code : List.of("64", "6404", "640402")) {
            HttpResponse<byte[]> r = get(http, URI.create(aggBase + code + "/" + Generator.YEAR), reader);
            String m = r.statusCode() == 200 ? mismatch(r.body(), expected.get(code), expectedReceived.get(code))
                    : "HTTP " + r.statusCode();
            levelChecks.put(code, m == null ? "exact (" + expectedReceived.get(code) + " reports)" : "MISMATCH: " + m);
        }
        System.out.println("  lower levels: " + levelChecks);

        // ---- reads: first a warm-up round over every level (the JIT compiles the read path once for all of them),
        // then each level measured after a short warm-up of its own
        for (String code : READ_LEVELS.values()) {
            URI uri = URI.create(aggBase + code + "/" + Generator.YEAR);
            load(loadClient, readWarmup, readClients, i -> readRequest(uri, reader), 200, readSeconds / 4);
        }
        for (Map.Entry<String, String> level : READ_LEVELS.entrySet()) {
            URI uri = URI.create(aggBase + level.getValue() + "/" + Generator.YEAR);
            load(loadClient, Math.min(100, readsPerLevel), readClients, i -> readRequest(uri, reader), 200, readSeconds / 4); // warm-up
            double ra0 = Stats.cpuSeconds(aggPid), rd0 = Stats.cpuSeconds(dbPid), rm0 = Stats.machineBusySeconds();
            Load l = load(loadClient, readsPerLevel, readClients, i -> readRequest(uri, reader), 200, readSeconds);
            readCpu.put(level.getKey(), new double[] {Stats.cpuSeconds(aggPid) - ra0, Stats.cpuSeconds(dbPid) - rd0,
                    Stats.machineBusySeconds() - rm0});
            Load single = load(loadClient, Math.min(200, readsPerLevel), 1, i -> readRequest(uri, reader), 200, readSeconds / 4);
            sequentialReads.put(level.getKey(), single);
            if (l.requests() < readsPerLevel) {
                notes.add("Reads at " + level.getKey() + " stopped after " + readSeconds + " s: " + l.requests() + " of "
                        + readsPerLevel + " sent");
            }
            reads.put(level.getKey(), l);
            double[] rc = readCpu.get(level.getKey());
            System.out.printf("Reads %-8s %-6s: %,.0f reads/s, p50 %.2f ms, p99 %.2f ms, errors %d%s; CPU per read: aggregation %.2f ms,"
                    + " MariaDB %.2f ms, machine %.2f ms; 1 client: p50 %.2f ms p99 %.2f ms%n", level.getKey(),
                    level.getValue(), l.okPerSecond(), Stats.ms(l.latency(), 50), Stats.ms(l.latency(), 99), l.errors(),
                    l.samples().isEmpty() ? "" : " e.g. " + l.samples().get(0), rc[0] * 1000 / l.requests(),
                    rc[1] * 1000 / l.requests(), rc[2] * 1000 / l.requests(), Stats.ms(single.latency(), 50),
                    Stats.ms(single.latency(), 99));
        }

        // ---- rebuild
        System.out.println("Rebuild: POST /api/v1/admin/rebuild...");
        long r0 = System.nanoTime();
        HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.aggregationPort
                        + "/api/v1/admin/rebuild")).header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        rebuildSeconds = (System.nanoTime() - r0) / 1e9;
        rebuildResponse = "HTTP " + rebuilt.statusCode() + " " + truncate(rebuilt.body(), 300);
        System.out.printf("  answered after %.2f s: %s%n", rebuildSeconds, rebuildResponse);
        long rebuildDeadline = System.nanoTime() + 600_000_000_000L;
        while (rebuilt.statusCode() / 100 == 2 && System.nanoTime() < rebuildDeadline) {
            HttpResponse<byte[]> r = get(http, URI.create(aggBase + "CN/" + Generator.YEAR), reader);
            if (r.statusCode() == 200 && mismatch(r.body(), expected.get("CN"), expectedReceived.get("CN")) == null) {
                rebuildCompleteSeconds = (System.nanoTime() - r0) / 1e9;
                break;
            }
            Thread.sleep(20);
        }
        System.out.printf("  national total complete again %.2f s after the rebuild request%n", rebuildCompleteSeconds);

        intakeHwmKb = Stats.statusKb(intakePid, "VmHWM");
        aggregationHwmKb = Stats.statusKb(aggPid, "VmHWM");
        intakeRssKb = Stats.statusKb(intakePid, "VmRSS");
        aggregationRssKb = Stats.statusKb(aggPid, "VmRSS");
        System.out.printf("Peak RSS (VmHWM): intake %,d MB, aggregation %,d MB%n", intakeHwmKb / 1024, aggregationHwmKb / 1024);
    }

    // ---- HTTP load

    /**
     * Brings both services to the state of a running system before the measured load: reports of an earlier year
     * (a fraction of the townships) are submitted and applied. Services that have run for a while are warm; the ones
     * started for the benchmark would otherwise spend the first seconds of the measured load compiling code and
     * sizing their heaps. The p99 by window of the measured run shows what is left of that.
     */
    private void warmUpIntake(CloseableHttpAsyncClient loadClient, HttpClient http, URI submissions, String aggBase,
            String reader, Map<String, String> tokens) throws Exception {
        if (intakeWarmup <= 0) {
            return;
        }
        List<Division> units = Generator.townships(Math.min(intakeWarmup, townships));
        Generator generator = new Generator(seed + Generator.WARMUP_YEAR);
        List<byte[]> bodies = new ArrayList<>(units.size());
        for (Division d : units) {
            bodies.add(generator.body(d, generator.values(d, Generator.WARMUP_YEAR, 1), Generator.WARMUP_YEAR));
        }
        System.out.printf("Warm-up: POST %,d reports for %d with %d clients...%n", bodies.size(), Generator.WARMUP_YEAR,
                clients);
        warmup = post(loadClient, submissions, units, bodies, tokens);
        printLoad("warm-up", warmup);
        URI national = URI.create(aggBase + "CN/" + Generator.WARMUP_YEAR);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = get(http, national, reader);
            if (r.statusCode() == 200
                    && JSON.readTree(r.body()).path("reporting").path("received").asInt() == warmup.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("aggregation did not apply the warm-up's reports within 300 s");
    }

    private Load post(CloseableHttpAsyncClient http, URI uri, List<Division> units, List<byte[]> bodies,
            Map<String, String> tokens) throws InterruptedException {
        return load(http, bodies.size(), clients, i -> SimpleRequestBuilder.post(uri)
                .setHeader("Authorization", "Bearer " + tokens.get(units.get(i).code().substring(0, 2)))
                .setBody(bodies.get(i), ContentType.APPLICATION_JSON).build(), 201);
    }

    private static HttpResponse<byte[]> get(HttpClient http, URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static SimpleHttpRequest readRequest(URI uri, String token) {
        return SimpleRequestBuilder.get(uri).setHeader("Authorization", "Bearer " + token)
                .setHeader("Accept", "application/json").build();
    }

    /**
     * The client of the measured load: asynchronous, one I/O thread driving one kept-alive connection per simulated
     * client, nothing retried. Thirty-two blocking threads would compete with the services for the same two cores
     * and their scheduling would show up in the latencies measured.
     */
    private static CloseableHttpAsyncClient loadClient(int connections) {
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(connections).setMaxConnTotal(2 * connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(60)).build())
                .build();
        CloseableHttpAsyncClient client = HttpAsyncClients.custom().setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .disableAutomaticRetries().disableCookieManagement().build();
        client.start();
        return client;
    }

    private static Load load(CloseableHttpAsyncClient http, int requests, int clients,
            IntFunction<SimpleHttpRequest> request, int okStatus) throws InterruptedException {
        return load(http, requests, clients, request, okStatus, Double.POSITIVE_INFINITY);
    }

    /**
     * Sends {@code requests} requests as {@code clients} clients, each sending its next request when the previous
     * one is answered; stops issuing new ones after {@code maxSeconds}.
     */
    private static Load load(CloseableHttpAsyncClient http, int requests, int clients,
            IntFunction<SimpleHttpRequest> request, int okStatus, double maxSeconds) throws InterruptedException {
        LoadRun run = new LoadRun(http, requests, request, okStatus,
                Double.isInfinite(maxSeconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (maxSeconds * 1e9), clients);
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            run.sendNext(client);
        }
        run.finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load(run.issued.get(), run.ok.get(), seconds, Stats.merge(run.histograms),
                new TreeMap<>(run.statuses), run.samples, run.lastOk.get(), run.p99ByWindow(start));
    }

    /** One load in progress: each simulated client's requests are sequential, so each keeps its own histogram. */
    private static final class LoadRun {

        final CloseableHttpAsyncClient http;
        final int requests;
        final IntFunction<SimpleHttpRequest> request;
        final int okStatus;
        final long stopAt;
        final AtomicInteger issued = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicLong lastOk = new AtomicLong();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final List<String> samples = Collections.synchronizedList(new ArrayList<>());
        final List<Histogram> histograms = new ArrayList<>();
        final CountDownLatch finished;
        /** Per request: when it was answered (ns) and how long it took (µs); written by the one I/O thread. */
        final long[] answeredAt;
        final long[] micros;

        LoadRun(CloseableHttpAsyncClient http, int requests, IntFunction<SimpleHttpRequest> request, int okStatus,
                long stopAt, int clients) {
            this.http = http;
            this.requests = requests;
            this.request = request;
            this.okStatus = okStatus;
            this.stopAt = stopAt;
            this.finished = new CountDownLatch(clients);
            this.answeredAt = new long[requests];
            this.micros = new long[requests];
            for (int c = 0; c < clients; c++) {
                histograms.add(Stats.histogram());
            }
        }

        void sendNext(int client) {
            int i = next.getAndIncrement();
            if (i >= requests || System.nanoTime() >= stopAt) {
                finished.countDown();
                return;
            }
            issued.incrementAndGet();
            SimpleHttpRequest req = request.apply(i);
            long t0 = System.nanoTime();
            http.execute(req, new FutureCallback<>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    record(client, i, t0, response.getCode(), response::getBodyText);
                }

                @Override
                public void failed(Exception e) {
                    record(client, i, t0, -1, e::toString);
                }

                @Override
                public void cancelled() {
                    record(client, i, t0, -1, () -> "cancelled");
                }
            });
        }

        /** The body is decoded only for an error sample: decoding every answer would load the client for nothing. */
        private void record(int client, int i, long t0, int status, Supplier<String> body) {
            long t1 = System.nanoTime();
            histograms.get(client).recordValue(Math.max(1, (t1 - t0) / 1000));
            answeredAt[i] = t1;
            micros[i] = Math.max(1, (t1 - t0) / 1000);
            statuses.merge(status, 1, Integer::sum);
            if (status == okStatus) {
                ok.incrementAndGet();
                lastOk.accumulateAndGet(t1, Math::max);
            } else if (samples.size() < 5) {
                samples.add(status + " " + truncate(body.get(), 400));
            }
            sendNext(client);
        }

        /** The p99 of the requests answered in each window of the run, to tell warm-up from steady state. */
        List<Double> p99ByWindow(long start) {
            List<List<Long>> windows = new ArrayList<>();
            for (int i = 0; i < issued.get(); i++) {
                if (answeredAt[i] == 0) {
                    continue;
                }
                int w = (int) ((answeredAt[i] - start) / (WINDOW_SECONDS * 1_000_000_000L));
                while (windows.size() <= w) {
                    windows.add(new ArrayList<>());
                }
                windows.get(w).add(micros[i]);
            }
            List<Double> p99 = new ArrayList<>();
            for (List<Long> window : windows) {
                Collections.sort(window);
                p99.add(window.isEmpty() ? Double.NaN
                        : window.get(Math.min(window.size() - 1, (int) Math.ceil(window.size() * 0.99) - 1)) / 1000.0);
            }
            return p99;
        }
    }

    /** Length of the windows latency is also reported by. */
    static final int WINDOW_SECONDS = 5;

    private static String windows(Load l) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < l.p99ByWindow().size(); w++) {
            text.append(w == 0 ? "" : ", ").append(w * WINDOW_SECONDS).append("–").append((w + 1) * WINDOW_SECONDS)
                    .append(" s: ").append(fmt(l.p99ByWindow().get(w), 1));
        }
        return text.toString();
    }

    private static void printLoad(String name, Load l) {
        System.out.printf("  %s: %,d x 201 of %,d in %.1f s = %,.0f submissions/s; p50 %.1f ms p95 %.1f ms p99 %.1f ms; statuses %s%n",
                name, l.ok(), l.requests(), l.seconds(), l.okPerSecond(), Stats.ms(l.latency(), 50), Stats.ms(l.latency(), 95),
                Stats.ms(l.latency(), 99), l.statuses());
        if (!l.p99ByWindow().isEmpty()) {
            System.out.println("    p99 ms by " + WINDOW_SECONDS + " s of the run: " + windows(l));
        }
        l.samples().forEach(s -> System.out.println("    error sample: " + s));
    }

    /** Null when the aggregate's totals and received count are exactly what was submitted, else what differs. */
    private static String mismatch(byte[] body, CellValues expected, int received) throws Exception {
        JsonNode root = JSON.readTree(body);
        JsonNode totals = root.get("totals");
        if (totals == null) {
            return "no totals in " + truncate(new String(body), 200);
        }
        int got = root.path("reporting").path("received").asInt(-1);
        CellValues values = StatisticsJson.read(Generator.FORM, totals);
        if (got != received) {
            return "reporting.received " + got + " of " + received + ", asOf " + root.path("asOf");
        }
        if (!values.equals(expected)) {
            return "totals differ (received " + got + ", asOf " + root.path("asOf") + "): got "
                    + truncate(values.toString(), 200) + " expected " + truncate(expected.toString(), 200);
        }
        return null;
    }

    // ---- report

    private String report() {
        StringBuilder md = new StringBuilder();
        int all = Generator.allTownships();
        boolean full = townships == all;
        md.append("# Gongkai benchmark results\n\n");
        md.append("Written by `deploy/bench/run.sh` (see README.md); overwritten by every run.\n\n");
        md.append("- Date: ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append('\n');
        md.append("- Command: `").append(command).append("`\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("- Scale: ").append(String.format("%,d", townships)).append(" of ").append(String.format("%,d", all))
                .append(" townships").append(full ? " (full)" : " (**SCALED RUN: figures are not comparable with the targets, which are for all 41,352**)")
                .append(", year ").append(Generator.YEAR).append(", seed ").append(seed).append(", then ")
                .append(String.format("%,d", corrections)).append(" corrections (version 2); average body ")
                .append(String.format("%,d", bodyBytesAvg)).append(" bytes\n");
        md.append("- Warm-up before the measured load: ").append(warmup == null ? "none"
                : String.format("%,d", warmup.ok()) + " reports for " + Generator.WARMUP_YEAR + " (an earlier year no "
                + Generator.YEAR + " rule reads) submitted at " + String.format("%,.0f", warmup.okPerSecond())
                + "/s (p99 " + fmt(Stats.ms(warmup.latency(), 99), 1) + " ms, from cold services) and applied;"
                + " they are in the database and in the rebuild, not in the measured figures").append('\n');
        md.append("- Clients: ").append(clients).append(" for writes, ").append(readClients).append(" for reads (")
                .append(readsPerLevel).append(" reads per level after a warm-up round of ").append(readWarmup)
                .append(" unrecorded reads at every level and 100 more at the level, at most ").append(fmt(readSeconds, 0)).append(" s per level)\n");
        md.append("- Service JVM options: ").append(serviceJvmOptions.isEmpty() ? "none beyond the profile, database and port"
                : String.join(" ", serviceJvmOptions)).append('\n');
        if (!intakeJvmOptions.isEmpty() || !aggregationJvmOptions.isEmpty()) {
            md.append("- **Non-default service options** (an experiment, not the shipped configuration): intake `")
                    .append(String.join(" ", intakeJvmOptions)).append("`, aggregation `")
                    .append(String.join(" ", aggregationJvmOptions)).append("`\n");
        }
        if (failure != null) {
            md.append("- **The service part failed**: `").append(truncate(failure, 500)).append("`\n");
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));

        md.append("\n## Against the targets of issue 5\n\n| Measure | Measured | Target | |\n|---|---|---|---|\n");
        Load intake = combined();
        double intakeRate = intake == null ? Double.NaN : intake.okPerSecond();
        row(md, "Intake throughput, " + clients + " clients (submissions/s, originals + corrections)", fmt(intakeRate, 0),
                "≥ 1,500", check(intakeRate >= 1500, intakeRate));
        double rawRate = baselineSingle == null ? Double.NaN : baselineSingle.rowsPerSecond();
        double ratio = intakeRate / rawRate;
        row(md, "Intake ÷ baseline (a) raw single-row inserts", fmt(ratio, 3) + " (" + fmt(intakeRate, 0) + " ÷ " + fmt(rawRate, 0) + ")",
                "≥ 0.2", check(ratio >= 0.2, ratio));
        double p99 = intake == null ? Double.NaN : Stats.ms(intake.latency(), 99);
        row(md, "Intake latency p99 (ms)", fmt(p99, 1), "< 100", check(p99 < 100, p99));
        row(md, "Freshness: last 2xx → national total exact (s)", fmt(freshnessSeconds, 3) + (freshnessNote.isEmpty() ? "" : " (" + freshnessNote + ")"),
                "< 2", check(freshnessSeconds < 2, freshnessSeconds));
        for (Map.Entry<String, Load> r : reads.entrySet()) {
            double rp99 = Stats.ms(r.getValue().latency(), 99);
            row(md, "Aggregate read p99, " + r.getKey() + " (ms)", fmt(rp99, 2), "< 10", check(rp99 < 10 && r.getValue().errors() == 0, rp99));
        }
        if (reads.isEmpty()) {
            row(md, "Aggregate read p99 (ms)", "n/a", "< 10", "not measured");
        }
        double natWide = wideQueries.stream().filter(q -> q.level().equals("nation")).mapToDouble(q -> Stats.ms(q.latency(), 50)).findFirst().orElse(Double.NaN);
        double natService = reads.containsKey("nation") ? Stats.ms(reads.get("nation").latency(), 50) : Double.NaN;
        double speedup = natWide / natService;
        row(md, "Nation read p50 speed-up over baseline (b) SUM", fmt(speedup, 2) + "× (" + fmt(natWide, 2) + " ms ÷ " + fmt(natService, 2) + " ms)",
                "≥ 20×", check(speedup >= 20, speedup));
        double natSingle = sequentialReads.containsKey("nation") ? Stats.ms(sequentialReads.get("nation").latency(), 50) : Double.NaN;
        row(md, "(for information) nation read p50 with 1 client vs baseline (b) on 1 connection",
                fmt(natWide / natSingle, 2) + "× (" + fmt(natWide, 2) + " ms ÷ " + fmt(natSingle, 2) + " ms)", "", "like-for-like concurrency");
        row(md, "Full rebuild (s)", fmt(rebuildSeconds, 2) + " (national total exact after " + fmt(rebuildCompleteSeconds, 2) + " s)",
                "< 60", check(rebuildCompleteSeconds < 60, rebuildCompleteSeconds));
        row(md, "Intake peak RSS, VmHWM (MB)", fmt(intakeHwmKb < 0 ? Double.NaN : intakeHwmKb / 1024.0, 0), "< 400",
                check(intakeHwmKb >= 0 && intakeHwmKb < 400 * 1024, intakeHwmKb < 0 ? Double.NaN : intakeHwmKb));
        row(md, "Aggregation peak RSS, VmHWM (MB)", fmt(aggregationHwmKb < 0 ? Double.NaN : aggregationHwmKb / 1024.0, 0), "< 400",
                check(aggregationHwmKb >= 0 && aggregationHwmKb < 400 * 1024, aggregationHwmKb < 0 ? Double.NaN : aggregationHwmKb));

        md.append("\n## Intake\n\n| Phase | Requests | 201 | Errors | Seconds | Submissions/s | p50 ms | p95 ms | p99 ms | max ms | Statuses |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Load> e : Map.of("originals", nonNull(originals), "corrections", nonNull(correctionLoad)).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            loadRow(md, e.getKey(), e.getValue());
        }
        if (intake != null) {
            loadRow(md, "all", intake);
        }
        if (originals != null && !originals.p99ByWindow().isEmpty()) {
            md.append("\nLatency p99 (ms) of the originals answered in each ").append(WINDOW_SECONDS)
                    .append(" s of their run").append(warmup == null ? " (the services start cold)" : " (after the warm-up)").append(": ").append(windows(originals)).append('\n');
        }
        for (Load l : Arrays.asList(originals, correctionLoad)) {
            if (l != null && !l.samples().isEmpty()) {
                md.append("\nError samples:\n\n");
                l.samples().forEach(s -> md.append("- `").append(s.replace('`', '\'').replace('\n', ' ')).append("`\n"));
            }
        }
        md.append("\nCPU seconds used while it ran (user + system, from /proc; ").append(machine.get("nproc"))
                .append(" cores shared by everything):\n\n");
        if (intake != null && cpu.containsKey("intake load: intake CPU s")) {
            md.append("- per submission: intake ").append(fmt(cpu.get("intake load: intake CPU s") * 1000 / intake.requests(), 2))
                    .append(" ms, aggregation ").append(fmt(cpu.get("intake load: aggregation CPU s") * 1000 / intake.requests(), 2))
                    .append(" ms, MariaDB ").append(fmt(cpu.get("intake load: MariaDB CPU s") * 1000 / intake.requests(), 2))
                    .append(" ms, benchmark client ").append(fmt(cpu.get("intake load: bench CPU s") * 1000 / intake.requests(), 2))
                    .append(" ms\n");
        }
        cpu.forEach((k, v) -> md.append("- ").append(k).append(": ").append(fmt(v, 1)).append('\n'));

        md.append("\n## Aggregation\n\n");
        md.append("- Freshness: ").append(Double.isNaN(freshnessSeconds) ? "not reached" : fmt(freshnessSeconds, 3) + " s")
                .append(" from the last 2xx until `GET /api/v1/aggregates/CN/").append(Generator.YEAR)
                .append("` showed every current version exactly (totals compared cell by cell as decimals, and reporting.received = ")
                .append(townships).append("); ").append(freshnessPolls).append(" polls at 20 ms").append(freshnessNote.isEmpty() ? "" : "; " + freshnessNote).append('\n');
        levelChecks.forEach((k, v) -> md.append("- Totals of ").append(k).append(": ").append(v).append('\n'));
        md.append("- Rebuild: ").append(rebuildResponse.replace('\n', ' ')).append(", answered after ").append(fmt(rebuildSeconds, 2))
                .append(" s (synchronous); national total exact ").append(fmt(rebuildCompleteSeconds, 2)).append(" s after the request\n");
        md.append("- RSS at the end (VmRSS): intake ").append(intakeRssKb / 1024).append(" MB, aggregation ").append(aggregationRssKb / 1024).append(" MB\n");
        md.append("\nReads from ").append(readClients).append(" clients; CPU per read = CPU seconds used while they ran ÷ reads;"
                + " \"1 client\" = up to 200 sequential reads right after, i.e. without queueing:\n");
        md.append("\n| Read | Code | Reads/s | p50 ms | p99 ms | max ms | Errors | Aggregation CPU ms/read | MariaDB CPU ms/read | 1 client p50 ms | 1 client p99 ms | Baseline (b) SUM p50 ms | (b) p99 ms | (b) rows | p50 speed-up |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> level : READ_LEVELS.entrySet()) {
            Load l = reads.get(level.getKey());
            Baselines.Query q = wideQueries.stream().filter(w -> w.level().equals(level.getKey())).findFirst().orElse(null);
            double sp50 = l == null ? Double.NaN : Stats.ms(l.latency(), 50);
            double bp50 = q == null ? Double.NaN : Stats.ms(q.latency(), 50);
            md.append("| ").append(level.getKey()).append(" | ").append(level.getValue()).append(" | ")
                    .append(l == null ? "n/a" : fmt(l.okPerSecond(), 0)).append(" | ").append(fmt(sp50, 2)).append(" | ")
                    .append(l == null ? "n/a" : fmt(Stats.ms(l.latency(), 99), 2)).append(" | ")
                    .append(l == null ? "n/a" : fmt(l.latency().getMaxValue() / 1000.0, 2)).append(" | ")
                    .append(l == null ? "n/a" : String.valueOf(l.errors())).append(" | ")
                    .append(l == null ? "n/a" : fmt(readCpu.get(level.getKey())[0] * 1000 / l.requests(), 2)).append(" | ")
                    .append(l == null ? "n/a" : fmt(readCpu.get(level.getKey())[1] * 1000 / l.requests(), 2)).append(" | ")
                    .append(sequentialReads.containsKey(level.getKey()) ? fmt(Stats.ms(sequentialReads.get(level.getKey()).latency(), 50), 2) : "n/a").append(" | ")
                    .append(sequentialReads.containsKey(level.getKey()) ? fmt(Stats.ms(sequentialReads.get(level.getKey()).latency(), 99), 2) : "n/a").append(" | ")
                    .append(fmt(bp50, 2)).append(" | ").append(q == null ? "n/a" : fmt(Stats.ms(q.latency(), 99), 2)).append(" | ")
                    .append(q == null ? "n/a" : String.valueOf(q.rowsMatched())).append(" | ").append(fmt(bp50 / sp50, 2)).append("× |\n");
        }

        md.append("\n## Baselines (same MariaDB server, same bodies, ").append(clients).append(" connections)\n\n");
        md.append("| Baseline | Rows | Seconds | Rows/s | p50 ms | p99 ms | Service ÷ baseline |\n|---|---|---|---|---|---|---|\n");
        insertRow(md, "(a) one autocommit INSERT per body", baselineSingle, intakeRate, "per statement");
        insertRow(md, "(a') 100 rows per INSERT", baselineBatched, intakeRate, "per 100-row statement");
        md.append("\n(b) wide table: one row per township, ").append(Generator.FORM.cells().size())
                .append(" cell columns (BIGINT, the fee DECIMAL(20,6)) and indexed province/city/county code columns; loaded in ")
                .append(fmt(wideLoadSeconds, 1)).append(" s; `SELECT SUM(c1), …, SUM(c").append(Generator.FORM.cells().size())
                .append(") FROM wide [WHERE <level>_code = ?]` run sequentially on one connection, 3 warm-up runs, then up to 200 runs (at most 40 s per level):\n\n");
        md.append("| Level | Code | Rows | Runs | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        for (Baselines.Query q : wideQueries) {
            md.append("| ").append(q.level()).append(" | ").append(q.code()).append(" | ").append(q.rowsMatched()).append(" | ")
                    .append(q.runs()).append(" | ").append(fmt(Stats.ms(q.latency(), 50), 2)).append(" | ")
                    .append(fmt(Stats.ms(q.latency(), 99), 2)).append(" |\n");
        }
        md.append("\nData generation (deterministic, every report checked with `RuleEvaluator.sameYear(…, TOWNSHIP)`): ")
                .append(fmt(generateSeconds, 1)).append(" s.\n");
        return md.toString();
    }

    private Load combined() {
        if (originals == null || correctionLoad == null) {
            return originals;
        }
        Histogram h = Stats.histogram();
        h.add(originals.latency());
        h.add(correctionLoad.latency());
        Map<Integer, Integer> statuses = new TreeMap<>(originals.statuses());
        correctionLoad.statuses().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
        List<String> samples = new ArrayList<>(originals.samples());
        samples.addAll(correctionLoad.samples());
        return new Load(originals.requests() + correctionLoad.requests(), originals.ok() + correctionLoad.ok(),
                originals.seconds() + correctionLoad.seconds(), h, statuses, samples,
                Math.max(originals.lastOkNanos(), correctionLoad.lastOkNanos()), List.of());
    }

    private static Load nonNull(Load l) {
        return l == null ? new Load(0, 0, Double.NaN, Stats.histogram(), Map.of(), List.of(), 0, List.of()) : l;
    }

    private static void loadRow(StringBuilder md, String name, Load l) {
        md.append("| ").append(name).append(" | ").append(l.requests()).append(" | ").append(l.ok()).append(" | ")
                .append(l.errors()).append(" | ").append(fmt(l.seconds(), 1)).append(" | ").append(fmt(l.okPerSecond(), 0))
                .append(" | ").append(fmt(Stats.ms(l.latency(), 50), 1)).append(" | ").append(fmt(Stats.ms(l.latency(), 95), 1))
                .append(" | ").append(fmt(Stats.ms(l.latency(), 99), 1)).append(" | ")
                .append(fmt(l.latency().getTotalCount() == 0 ? Double.NaN : l.latency().getMaxValue() / 1000.0, 1)).append(" | ")
                .append(l.statuses()).append(" |\n");
    }

    private static void insertRow(StringBuilder md, String name, Baselines.Insert b, double serviceRate, String latencyUnit) {
        if (b == null) {
            md.append("| ").append(name).append(" | n/a | | | | | |\n");
            return;
        }
        md.append("| ").append(name).append(" | ").append(b.rows()).append(" | ").append(fmt(b.seconds(), 1)).append(" | ")
                .append(fmt(b.rowsPerSecond(), 0)).append(" | ").append(fmt(Stats.ms(b.latency(), 50), 2)).append(" | ")
                .append(fmt(Stats.ms(b.latency(), 99), 2)).append(" (").append(latencyUnit).append(") | ")
                .append(fmt(serviceRate / b.rowsPerSecond(), 3)).append(" |\n");
    }

    private static void row(StringBuilder md, String measure, String measured, String target, String verdict) {
        md.append("| ").append(measure).append(" | ").append(measured).append(" | ").append(target).append(" | ").append(verdict).append(" |\n");
    }

    private static String check(boolean met, double value) {
        return Double.isNaN(value) ? "not measured" : met ? "**met**" : "**missed**";
    }

    private static String fmt(double v, int decimals) {
        return Stats.fmt(v, decimals);
    }

    private void describeMachine() {
        machine.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
        try {
            String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
            cpuinfo.lines().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.put("CPU", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> machine.put("Memory", Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB"));
        } catch (Exception e) {
            machine.put("CPU", "unknown (" + e.getMessage() + ")");
        }
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            machine.put("Database", db.version() + " at " + db.host + ":" + db.port + " " + db.durabilitySettings());
        } catch (Exception e) {
            machine.put("Database", "unreachable: " + e.getMessage());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
