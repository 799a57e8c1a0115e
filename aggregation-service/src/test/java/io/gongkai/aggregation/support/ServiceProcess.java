package io.gongkai.aggregation.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A packaged service run as a child process on a port of its own, with the JVM options of
 * {@code deploy/jvm-options}, logging to {@code <name>.log} in the work directory. It keeps its port across
 * restarts, so that whoever calls it finds it again.
 */
public final class ServiceProcess {

    /** The options every deployment runs the services with (relative to the module, where the tests run). */
    static final Path JVM_OPTIONS = Path.of("../deploy/jvm-options");

    private final String name;
    private final Path jar;
    private final Path work;
    private final List<String> options;
    private final int port;
    private Process process;

    public ServiceProcess(String name, Path jar, Path work, List<String> options) throws IOException {
        this.name = name;
        this.jar = jar;
        this.work = work;
        this.options = List.copyOf(options);
        this.port = freePort();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Launches the service; {@link #awaitReady} waits until it answers. */
    public void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(Files.readString(JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dgongkai.data-dir=" + work.resolve(name)));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile())).start();
    }

    /** Waits until the service reports ready; fails at once when it exits. */
    public void awaitReady(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + work.resolve(name + ".log"));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL()
                        .openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become ready within " + limit);
    }

    /** SIGKILL: no shutdown hooks, no draining, open transactions cut off. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
