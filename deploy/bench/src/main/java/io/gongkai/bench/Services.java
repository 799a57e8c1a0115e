package io.gongkai.bench;

import io.gongkai.contracts.security.LocalKeys;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The two packaged services as child processes, and the tokens to talk to them. */
final class Services implements AutoCloseable {

    static final String ISSUER = "https://gongkai.local";

    final Path dataDir;
    final int intakePort;
    final int aggregationPort;
    private final List<Process> processes = new ArrayList<>();
    Process intake;
    Process aggregation;
    private KeyPair keys;

    Services(Path dataDir, int intakePort, int aggregationPort) {
        this.dataDir = dataDir;
        this.intakePort = intakePort;
        this.aggregationPort = aggregationPort;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The key pair both services verify with (generated here first, so the feed token can be minted up front). */
    void ensureKeys() throws Exception {
        Path dir = dataDir.resolve("keys");
        LocalKeys.ensure(dir);
        keys = LocalKeys.load(dir);
    }

    String token(String role, String unitPrefix) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).upn("bench-" + role + (unitPrefix == null ? "" : "-" + unitPrefix))
                .subject("bench-" + role).groups(role).expiresIn(Duration.ofHours(12));
        if (unitPrefix != null) {
            claims.claim("unit_prefix", unitPrefix);
        }
        return claims.sign(keys.getPrivate());
    }

    /** Copies a packaged quarkus-app so that a concurrent rebuild of the repository cannot swap jars under it. */
    static Path copyApp(Path quarkusApp, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(quarkusApp.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target.resolve("quarkus-run.jar");
    }

    Process start(String name, List<String> jvmOptions, Path jar) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Path log = dataDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        System.out.println("  started " + name + " (pid " + p.pid() + "), log " + log);
        return p;
    }

    static void awaitReady(String name, Process process, int port, Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (tail(log).contains("build time fixed to")) {
                    throw new IllegalStateException(name + " was not built for MySQL (another build overwrote it?):"
                            + " run deploy/bench/run.sh --rebuild; log tail:\n" + tail(log));
                }
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log tail:\n" + tail(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    System.out.printf("  %s ready after %.1f s%n", name, (System.nanoTime() - start) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; log tail:\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
