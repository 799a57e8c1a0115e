package io.gongkai.intake.tools.backfill;

import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Api;
import io.gongkai.intake.tools.ImportReports;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

/**
 * deploy/import-reports.sh against the running service, on a folder of the published 三营镇 report (as UTF-8, and as
 * GB18030 made 寨科乡's 2024 report by the mapping file), an HTML page that gives one table only, a binary file named
 * .txt and a file over 2 MB. Each run writes its own summary table, read back here.
 */
@QuarkusTest
class ImportReportsTest {

    private static final String REVIEW = "/reviewLitigation/review";
    private static final String TITLE = "原州区三营镇 2023年政府信息公开工作年度报告";

    /** Read as 三营镇's; the mapping file makes it the 2022 report, which no other test stores. */
    private static final String SANYING = "原州区/三营镇 2023.txt";
    /** Titled 2024; the mapping file, in a quoted field, makes it 寨科乡's. */
    private static final String ZHAIKE = "原州区/寨科乡 \"2024\", 定稿.txt";
    /** 官厅镇's 2023 page, saved before its other tables loaded. */
    private static final String GUANTING = "官厅镇.html";
    private static final String JUNK = "scan.txt";
    private static final String HUGE = "huge.htm";

    private Path work;
    private Path folder;
    private Path mapping;

    @BeforeEach
    void writeFolder() throws IOException {
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "import-reports");
        folder = Files.createDirectories(work.resolve("reports"));
        Files.createDirectories(folder.resolve("原州区"));
        String sanying = sanying();
        Files.writeString(folder.resolve(SANYING), sanying, StandardCharsets.UTF_8);
        Files.write(folder.resolve(ZHAIKE), sanying.replace(TITLE, "原州区三营镇 2024年政府信息公开工作年度报告")
                .getBytes(Charset.forName("GB18030")));
        Files.write(folder.resolve(GUANTING), guantingPage().getBytes(Charset.forName("GBK")));
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(folder.resolve(JUNK), junk);
        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        Files.write(folder.resolve(HUGE), huge);
        Files.writeString(folder.resolve("notes.md"), "not a report");
        mapping = work.resolve("mapping.csv");
        Files.writeString(mapping, "\uFEFFfile,unitCode,parentCode,year\r\n"
                + SANYING + ",,,2022\r\n"
                + "\"原州区/寨科乡 \"\"2024\"\", 定稿.txt\",640402205,,\r\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aDryRunStoresNothingAndStoringStoresExactlyTheCompleteReports() throws IOException {
        Run dry = run(Map.of(), "--token", Api.token(Roles.AUDITOR, null), "--mapping", mapping.toString(),
                "--assume-zero", REVIEW);

        assertThat(dry.status).isEqualTo(1);
        assertThat(dry.rows).extracting(row -> row.get(0), row -> row.get(1), row -> row.get(3), row -> row.get(4),
                row -> row.get(5)).containsExactly(
                tuple(HUGE, "", "", "UNREADABLE", ""),
                tuple(JUNK, "", "", "UNREADABLE", "400"),
                tuple(SANYING, "640402100", "2022", "DRAFTED", "200"),
                tuple(ZHAIKE, "640402205", "2024", "DRAFTED", "200"),
                tuple(GUANTING, "640402103", "2023", "INCOMPLETE", "200"));
        assertThat(dry.row(HUGE).get(8)).isEqualTo("over 2 MB");
        assertThat(dry.row(ZHAIKE).get(2)).isEqualTo("原州区寨科乡");
        assertThat(Integer.parseInt(dry.row(GUANTING).get(6))).isPositive();
        assertThat(dry.row(GUANTING).get(8)).isNotEmpty();
        assertThat(dry.out).contains("DRAFTED     2", "INCOMPLETE  1", "UNREADABLE  2", "nothing stored");
        assertThat(dry.err).contains("[####################] 5/5");
        for (String stored : List.of("640402100/2022", "640402205/2024", "640402103/2023")) {
            Api.auditor().when().get("/api/v1/submissions/" + stored).then().statusCode(404);
        }

        Run storing = run(Map.of("GONGKAI_TOKEN", Api.token(Roles.SUBMITTER, "6404")), "--store", "--mapping",
                mapping.toString(), "--assume-zero", REVIEW);

        assertThat(storing.status).isEqualTo(1);
        assertThat(storing.rows).extracting(row -> row.get(0), row -> row.get(4), row -> row.get(5)).containsExactly(
                tuple(HUGE, "UNREADABLE", ""),
                tuple(JUNK, "UNREADABLE", "400"),
                tuple(SANYING, "STORED", "201"),
                tuple(ZHAIKE, "STORED", "201"),
                tuple(GUANTING, "INCOMPLETE", "200"));
        JsonPath zhaike = Api.auditor().when().get("/api/v1/submissions/640402205/2024/versions/1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(zhaike.getString("origin")).isEqualTo("IMPORT");
        assertThat(zhaike.getInt("submission.reviewLitigation.review.total")).isZero();
        assertThat(Api.auditor().when().get("/api/v1/submissions/640402205/2024/versions/1/document").then()
                .statusCode(200).extract().contentType()).contains("GB18030");
        Api.auditor().when().get("/api/v1/submissions/640402100/2022").then().statusCode(200);
        Api.auditor().when().get("/api/v1/submissions/640402103/2023").then().statusCode(404);

        // Without the broken files, and with a token minted from the local key pair, everything is read: exit 0.
        Files.delete(folder.resolve(JUNK));
        Files.delete(folder.resolve(HUGE));
        Run again = withDataDirectory(() -> run(Map.of(), "--store", "--prefix", "640402", "--mapping",
                mapping.toString(), "--assume-zero", REVIEW));

        assertThat(again.status).isZero();
        assertThat(again.rows).extracting(row -> row.get(0), row -> row.get(4)).containsExactly(
                tuple(SANYING, "REPLAYED"), tuple(ZHAIKE, "REPLAYED"), tuple(GUANTING, "INCOMPLETE"));
        Api.auditor().when().get("/api/v1/submissions/640402205/2024").then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void badUsageExitsWith2BeforeAnythingIsSent() throws IOException {
        String auditor = Api.token(Roles.AUDITOR, null);
        Path unclosed = Files.writeString(work.resolve("unclosed.csv"),
                "file,unitCode,parentCode,year\n\"scan.txt,,,\n");
        Path absent = Files.writeString(work.resolve("absent.csv"), "file,unitCode,parentCode,year\nnone.txt,,,2023\n");
        Path headless = Files.writeString(work.resolve("headless.csv"), "file,unit,year\nscan.txt,640402100,2023\n");
        List<List<String>> calls = List.of(
                List.of("--store"),
                List.of("--token", auditor, "--no-such-option"),
                List.of("--token", auditor, "--assume-zero", "/reviewLitigation/nothing"),
                List.of("--token", auditor, "--prefix", "64"),
                List.of("--prefix", "6x"),
                List.of("--token", auditor, "--mapping", unclosed.toString()),
                List.of("--token", auditor, "--mapping", absent.toString()),
                List.of("--token", auditor, "--mapping", headless.toString()),
                List.of("--token", auditor, "--url", "ftp://localhost"));
        for (List<String> call : calls) {
            Run refused = run(Map.of(), call.toArray(String[]::new));
            assertThat(refused.status).as(call.toString()).isEqualTo(2);
            assertThat(refused.err).as(call.toString()).startsWith("import-reports: ");
            assertThat(refused.summary).as(call.toString()).doesNotExist();
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        assertThat(ImportReports.run(List.of("--token", auditor), Map.of(), nowhere, nowhere, false)).isEqualTo(2);
    }

    /** One run of the command on the folder, with its own summary table. */
    private Run run(Map<String, String> env, String... options) throws IOException {
        Path summary = Files.createTempFile(work, "summary", ".csv");
        Files.delete(summary);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        List<String> args = new ArrayList<>(List.of("--url", "http://localhost:" + port, "--summary",
                summary.toString()));
        args.addAll(List.of(options));
        args.add(folder.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportReports.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), summary);
    }

    /** What a run printed and the rows of its summary table, header checked and left out. */
    private static final class Run {
        final int status;
        final String out;
        final String err;
        final Path summary;
        final List<List<String>> rows;

        Run(int status, String out, String err, Path summary) throws IOException {
            this.status = status;
            this.out = out;
            this.err = err;
            this.summary = summary;
            if (Files.exists(summary)) {
                byte[] table = Files.readAllBytes(summary);
                assertThat(table).startsWith(0xEF, 0xBB, 0xBF);
                List<List<String>> lines = Csv.parse(new String(table, 3, table.length - 3, StandardCharsets.UTF_8));
                assertThat(lines.get(0)).containsExactly("file", "unitCode", "unitName", "year", "outcome",
                        "httpStatus", "errors", "warnings", "firstError");
                rows = lines.subList(1, lines.size());
            } else {
                rows = List.of();
            }
        }

        List<String> row(String file) {
            return rows.stream().filter(row -> row.get(0).equals(file)).findFirst().orElseThrow();
        }
    }

    /** The installation's data directory is the test profile's, where its key pair is. */
    private static Run withDataDirectory(IoCall call) throws IOException {
        String before = System.getProperty("gongkai.data-dir");
        System.setProperty("gongkai.data-dir", "target/test-data");
        try {
            return call.run();
        } finally {
            if (before == null) {
                System.clearProperty("gongkai.data-dir");
            } else {
                System.setProperty("gongkai.data-dir", before);
            }
        }
    }

    private interface IoCall {
        Run run() throws IOException;
    }

    private static String sanying() throws IOException {
        try (InputStream in = ImportReportsTest.class.getResourceAsStream("/imports/sanying-township-2023.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String guantingPage() {
        return """
                <!DOCTYPE html>
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>原州区官厅镇2023年政府信息公开工作年度报告</title></head>
                <body><h1>原州区官厅镇2023年政府信息公开工作年度报告</h1>
                <p>二、主动公开政府信息情况</p>
                <table>
                <tr><td colspan="4">第二十条第（一）项</td></tr>
                <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
                <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
                <tr><td>行政规范性文件</td><td>2</td><td>0</td><td>5</td></tr>
                </table>
                </body></html>
                """;
    }
}
