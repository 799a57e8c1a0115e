package io.gongkai.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.aggregation.support.ExportFiles;
import io.gongkai.aggregation.support.GeneratedFeed;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.PackagedServices;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.testing.ForgedTokens;
import io.gongkai.contracts.testing.PackagedService;
import io.gongkai.contracts.testing.ValidReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

import static io.gongkai.contracts.testing.PackagedService.megabytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The nation's export of every reporting unit, from the packaged aggregation service with the production JVM options
 * (deploy/jvm-options, a 192 MB heap): all 41,352 townships, every other one reporting (64 different reports, one in
 * seven late), fed through a generated feed standing in for intake, which would take minutes to accept them. The
 * CSV and the XLSX stream at the same time (the most exports allowed at once; a third is refused), every row is read
 * back (Commons CSV; POI's event API) and equals the township's report or is blank, the rows add up to the nation's
 * totals to the last digit, and the heap's high-water mark stays far below -Xmx.
 */
class NationExportIT {

    static final int YEAR = 2023;
    static final int TOWNSHIPS = 41_352;
    static final int VARIANTS = 64;
    static final OffsetDateTime ON_TIME = OffsetDateTime.parse("2024-01-15T09:00:00+08:00");
    static final OffsetDateTime LATE = OffsetDateTime.parse("2024-02-05T09:00:00+08:00");
    /** The live heap allowed while both exports stream: half of -Xmx (192 MB). */
    static final double LIVE_SHARE = 0.5;

    static List<Division> townships;
    static Map<String, Integer> positions;
    static List<CellValues> variants;
    static int[] reporting;
    static GeneratedFeed feed;
    static PackagedService aggregation;
    static String reader;
    static Path work;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void feedTheNation() throws Exception {
        PackagedService.assumeEmbeddedDatabase();
        townships = DivisionTable.national().all().stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP)
                .sorted(Comparator.comparing(Division::code)).toList();
        positions = new HashMap<>();
        IntStream.range(0, townships.size()).forEach(p -> positions.put(townships.get(p).code(), p));
        reporting = IntStream.range(0, townships.size()).filter(NationExportIT::reports).toArray();
        Random random = new Random(41_352);
        variants = IntStream.range(0, VARIANTS).mapToObj(v -> ValidReports.random(random, 30)).toList();
        feed = GeneratedFeed.start(reporting.length, cursor -> {
            int position = reporting[(int) cursor - 1];
            Division township = townships.get(position);
            return StubFeed.entry(township.code(), township.name(), null, YEAR, 1, variants.get(position % VARIANTS),
                    late(position) ? LATE : ON_TIME, List.of());
        });

        work = Files.createTempDirectory("nation-export");
        Path keyDir = work.resolve("keys");
        KeyPair keys = LocalKeys.ensure(keyDir);
        reader = ForgedTokens.valid(keys, PackagedServices.ISSUER, List.of(ForgedTokens.READER), null);
        aggregation = new PackagedService("aggregation", Path.of("target/quarkus-app/quarkus-run.jar"),
                work.resolve("aggregation"), PackagedService.JVM_OPTIONS, List.of(
                "-Dquarkus.rest-client.intake.url=" + feed.url(), "-Dgongkai.jwt.key-dir=" + keyDir.toAbsolutePath(),
                // Intake's largest page: the nation is fed in fewer, larger transactions.
                "-Dgongkai.feed.page-size=1000"));
        long start = System.nanoTime();
        aggregation.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> nation().at("/reporting/received").asInt() == reporting.length);
        System.out.printf("nation fed: %d of %d townships reporting, applied %d s after start%n", reporting.length,
                townships.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    @AfterAll
    static void stop() throws Exception {
        if (aggregation != null) {
            aggregation.failureLines(20).forEach(line -> System.out.println("LOG " + line));
            System.out.println("service log: " + aggregation.log());
            aggregation.stop();
            // The nation's database is some 40 MB; the logs stay for whoever reads them.
            Files.deleteIfExists(work.resolve("aggregation").resolve("aggregation.mv.db"));
        }
        if (feed != null) {
            feed.close();
        }
    }

    static boolean reports(int position) {
        return position % 2 == 0;
    }

    static boolean late(int position) {
        return position % 7 == 0;
    }

    @Test
    void theNationsCsvAndXlsxStreamEveryTownshipWithinTheHeap() throws Exception {
        assertThat(townships).hasSize(TOWNSHIPS);
        CellValues nationTotals = StatisticsJson.read(ValidReports.FORM, nation().get("totals"));
        long liveBefore = aggregation.liveHeapBytes();
        LiveHeapSampler sampler = new LiveHeapSampler();

        long start = System.nanoTime();
        // Each answer arrives when its headers do, which is with its first bytes: the body is streamed.
        var csv = http.sendAsync(export("csv"), HttpResponse.BodyHandlers.ofInputStream());
        var xlsx = http.sendAsync(export("xlsx"), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> csvResponse = csv.get(60, TimeUnit.SECONDS);
        long csvFirstByte = millisSince(start);
        HttpResponse<InputStream> xlsxResponse = xlsx.get(60, TimeUnit.SECONDS);
        long xlsxFirstByte = millisSince(start);
        assertThat(csvResponse.statusCode()).isEqualTo(200);
        assertThat(xlsxResponse.statusCode()).isEqualTo(200);

        HttpResponse<String> third = http.send(export("csv"), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).as("a third export while two stream: " + third.body()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(third.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        Path xlsxFile = work.resolve("CN-" + YEAR + "-units.xlsx");
        CompletableFuture<Long> xlsxDone = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = xlsxResponse.body()) {
                Files.copy(body, xlsxFile, StandardCopyOption.REPLACE_EXISTING);
                return millisSince(start);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Verified fromCsv = new Verified();
        CountingInputStream csvBody = new CountingInputStream(csvResponse.body());
        List<String> csvHeader = ExportFiles.csv(csvBody, fromCsv::row);
        long csvDone = millisSince(start);
        long xlsxMillis = xlsxDone.get(120, TimeUnit.SECONDS);
        long liveDuring = sampler.stop();
        long highWater = aggregation.heapHighWaterBytes();

        Verified fromXlsx = new Verified();
        List<String> xlsxHeader = ExportFiles.xlsx(xlsxFile, fromXlsx::row);
        long xlsxBytes = Files.size(xlsxFile);
        Files.delete(xlsxFile);
        long max = aggregation.maxHeapBytes();
        System.out.printf("nation CSV: %s, first byte after %d ms, whole after %d ms%n",
                megabytes(csvBody.bytes), csvFirstByte, csvDone);
        System.out.printf("nation XLSX: %s, first byte after %d ms, whole after %d ms%n", megabytes(xlsxBytes),
                xlsxFirstByte, xlsxMillis);
        System.out.printf("live heap (after a full collection, every %d s): %s before the exports, at most %s while "
                + "both streamed (%s); heap high-water before collections over the whole run %s; -Xmx %s%n",
                LiveHeapSampler.PERIOD_SECONDS, megabytes(liveBefore), megabytes(liveDuring),
                String.join(", ", sampler.samples.stream().map(PackagedService::megabytes).toList()),
                megabytes(highWater), megabytes(max));

        for (Verified verified : List.of(fromCsv, fromXlsx)) {
            assertThat(verified.rows).isEqualTo(TOWNSHIPS);
            assertThat(verified.townships).isEqualTo(TOWNSHIPS);
            assertThat(verified.reported).isEqualTo(reporting.length);
            assertThat(verified.mismatches).as("rows that differ from the township's report").isEmpty();
            assertThat(verified.sum).as("the rows add up to the nation's totals").isEqualTo(nationTotals);
        }
        assertThat(xlsxHeader).isEqualTo(csvHeader);
        assertThat(aggregation.alive()).isTrue();
        assertThat(liveDuring).as("live heap (bytes) while both exports streamed").isLessThan((long) (max * LIVE_SHARE));
        assertThat(highWater).as("heap high-water (bytes)").isLessThan(max);
    }

    /** Samples the service's live heap every few seconds until stopped; answers the largest sample. */
    static final class LiveHeapSampler {
        static final int PERIOD_SECONDS = 3;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong largest = new AtomicLong();
        final List<Long> samples = new CopyOnWriteArrayList<>();

        LiveHeapSampler() {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    long live = aggregation.liveHeapBytes();
                    samples.add(live);
                    largest.accumulateAndGet(live, Math::max);
                } catch (Exception e) {
                    System.out.println("could not sample the live heap: " + e);
                }
            }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }

        long stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(30, TimeUnit.SECONDS);
            return largest.get();
        }
    }

    /** Checks rows as they are read: order, place, status and every cell against the report fed for the township. */
    static final class Verified {
        int rows;
        int townships;
        int reported;
        String previous = "";
        CellValues sum = CellValues.zero(ValidReports.FORM);
        final List<String> mismatches = new ArrayList<>();

        void row(Map<String, String> row) {
            rows++;
            String code = row.get("code");
            Integer position = positions.get(code);
            List<String> wrong = new ArrayList<>();
            if (code.compareTo(previous) <= 0) {
                wrong.add("out of order after " + previous);
            }
            previous = code;
            if ("TOWNSHIP".equals(row.get("kind"))) {
                townships++;
            }
            if (position == null) {
                wrong.add("no such township");
            } else {
                Division township = NationExportIT.townships.get(position);
                if (!township.name().equals(row.get("name"))) {
                    wrong.add("name " + row.get("name"));
                }
                List<Division> above = DivisionTable.national().ancestors(code);
                Function<DivisionLevel, String> codeAt = level -> above.stream().filter(d -> d.level() == level)
                        .map(Division::code).findFirst().orElse("");
                if (!codeAt.apply(DivisionLevel.PROVINCE).equals(row.get("provinceCode"))
                        || !codeAt.apply(DivisionLevel.CITY).equals(row.get("cityCode"))
                        || !codeAt.apply(DivisionLevel.COUNTY).equals(row.get("countyCode"))) {
                    wrong.add("place " + row.get("provinceCode") + "/" + row.get("cityCode") + "/" + row.get("countyCode"));
                }
                CellValues cells = ExportFiles.cells(row);
                if (reports(position)) {
                    reported++;
                    String status = late(position) ? "LATE" : "ON_TIME";
                    if (!status.equals(row.get("status")) || !variants.get(position % VARIANTS).equals(cells)) {
                        wrong.add("status " + row.get("status") + " or cells differ");
                    }
                    if (cells != null) {
                        sum = sum.plus(cells);
                    }
                } else if (!"MISSING".equals(row.get("status")) || cells != null) {
                    wrong.add("a silent township with status " + row.get("status") + " or figures");
                }
            }
            if (!wrong.isEmpty() && mismatches.size() < 20) {
                mismatches.add(code + ": " + String.join(", ", wrong));
            }
        }
    }

    /** Counts the bytes read through it. */
    static final class CountingInputStream extends FilterInputStream {
        long bytes;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            bytes += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            bytes += Math.max(n, 0);
            return n;
        }
    }

    private HttpRequest export(String format) {
        return HttpRequest.newBuilder(URI.create(aggregation.url() + "/api/v1/aggregates/CN/" + YEAR + "/units?format=" + format))
                .header("Authorization", "Bearer " + reader).timeout(Duration.ofMinutes(3)).GET().build();
    }

    private static JsonNode nation() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(aggregation.url() + "/api/v1/aggregates/CN/" + YEAR)).header("Authorization", "Bearer " + reader)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return IntakeStub.JSON.readTree(answer.body());
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
