package io.gongkai.contracts.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged service (its quarkus-run.jar) as a child process on a free port, started with the production JVM
 * options of deploy/jvm-options and a GC log, so a test can read the heap's high-water mark afterwards. Its output
 * goes to {@code <name>.log} in the data directory.
 */
public final class PackagedService {

    /** The options every deployment runs the services with, seen from a service module where its tests run. */
    public static final Path JVM_OPTIONS = Path.of("../deploy/jvm-options");

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final String name;
    private final Path jar;
    private final Path dataDir;
    private final List<String> jvmOptions;
    private final List<String> properties;
    private final int port;
    private Process process;

    /**
     * @param jvmOptionsFile the production options (deploy/jvm-options), one line of whitespace-separated options
     * @param properties     further -D options of this service
     */
    public PackagedService(String name, Path jar, Path dataDir, Path jvmOptionsFile, List<String> properties)
            throws IOException {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.jvmOptions = Arrays.stream(Files.readString(jvmOptionsFile).trim().split("\\s+")).toList();
        this.properties = List.copyOf(properties);
        this.port = freePort();
    }

    /**
     * Attacks on a packaged service run on the embedded database only: what they prove (bounds in bytes, time and
     * heap) does not depend on the database, and the MySQL pass of CI stays short and leaves no databases behind.
     */
    public static void assumeEmbeddedDatabase() {
        Assumptions.assumeFalse(System.getProperty("quarkus.profile", "").contains("mysql"),
                "runs on the embedded database pass");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return dataDir.resolve(name + ".log");
    }

    public Path gcLog() {
        return dataDir.resolve(name + "-gc.log");
    }

    /** The -Xmx of the production options, in bytes. */
    public long maxHeapBytes() {
        return jvmOptions.stream().filter(o -> o.startsWith("-Xmx")).map(o -> bytes(o.substring(4))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no -Xmx in the JVM options " + jvmOptions));
    }

    /** Launches the service and waits until it is ready (at most 90 s). */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady(Duration.ofSeconds(90));
    }

    /** Launches the service without waiting; {@link #awaitReady} waits. Several can so start together. */
    public void launch() throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog());
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dgongkai.data-dir=" + dataDir));
        if (System.getProperty("quarkus.profile", "").contains("mysql")) {
            command.add("-Dquarkus.profile=mysql");
        }
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
    }

    /** Waits until the service reports ready; fails at once when it exits. */
    public void awaitReady(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become ready within " + limit + "; see " + log());
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Whether /q/health/ready answers 200 (UP) within two seconds. */
    public boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL()
                    .openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(2_000);
            return connection.getResponseCode() == 200;
        } catch (IOException notReady) {
            return false;
        }
    }

    /**
     * The most heap the service has held: the larger of the heap before each collection (from its GC log) and
     * what it holds now (jcmd GC.heap_info).
     */
    public long heapHighWaterBytes() throws IOException, InterruptedException {
        long highest = 0;
        if (Files.exists(gcLog())) {
            for (String line : Files.readAllLines(gcLog(), StandardCharsets.UTF_8)) {
                Matcher pause = GC_PAUSE.matcher(line);
                if (pause.find()) {
                    highest = Math.max(highest, bytes(pause.group(1) + pause.group(2)));
                }
            }
        }
        return Math.max(highest, heapUsedNowBytes());
    }

    /**
     * The heap the service holds live now: what a full collection (jcmd GC.run) leaves, as its GC log reports it, so
     * garbage not collected yet does not count. The collection pauses the service for a moment.
     */
    public long liveHeapBytes() throws IOException, InterruptedException {
        if (!alive()) {
            return 0;
        }
        jcmd("GC.run");
        List<String> lines = Files.readAllLines(gcLog(), StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher pause = GC_PAUSE.matcher(lines.get(i));
            if (lines.get(i).contains("Pause Full") && pause.find()) {
                return bytes(pause.group(3) + pause.group(4));
            }
        }
        throw new IllegalStateException("no full collection in " + gcLog());
    }

    private long heapUsedNowBytes() throws IOException, InterruptedException {
        if (!alive()) {
            return 0;
        }
        String output = jcmd("GC.heap_info");
        long used = 0;
        for (String line : output.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher heap = HEAP_USED.matcher(line);
            if (heap.find()) {
                used += Long.parseLong(heap.group(2)) * 1024;
            }
        }
        return used;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    /**
     * The distinct failures in the log (errors, exceptions, an out-of-memory exit), each with the first frames of
     * its trace, for reports of what broke.
     */
    public List<String> failureLines(int limit) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(log())) {
            return lines;
        }
        Set<String> seen = new HashSet<>();
        List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
        for (int i = 0; i < all.size() && seen.size() < limit; i++) {
            String line = all.get(i);
            boolean failure = line.contains("ERROR") || line.startsWith("Caused by") || line.contains("OutOfMemory")
                    || line.contains("Terminating due to");
            // The same failure on another thread, path or time is the same finding.
            String key = line.replaceAll("^[0-9-]+ [0-9:,.]+", "").replaceAll("\\([^)]*thread[^)]*\\)", "")
                    .replaceAll(" on /\\S+", "");
            if (failure && seen.add(key)) {
                lines.add(line);
                for (int j = i + 1; j < all.size() && j <= i + 4 && all.get(j).startsWith("\tat "); j++) {
                    lines.add(all.get(j));
                }
            }
        }
        return lines;
    }

    /** SIGKILL: no shutdown hooks, no draining, open transactions cut off. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static long bytes(String size) {
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long number = Long.parseLong(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1));
        return switch (unit) {
            case 'K' -> number * 1024;
            case 'M' -> number * 1024 * 1024;
            case 'G' -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }
}
