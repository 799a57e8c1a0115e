package io.gongkai.intake.it;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged intake service, run as a child process on a free port, on the embedded or the MySQL database. */
final class IntakeProcess {

    private final Path dataDir;
    private final String mysqlDatabase;
    private final int port;
    private Process process;

    IntakeProcess(Path dataDir, String mysqlDatabase) throws IOException {
        this.dataDir = dataDir;
        this.mysqlDatabase = mysqlDatabase;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    static boolean onMysql() {
        return System.getProperty("quarkus.profile", "").contains("mysql");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dgongkai.data-dir=" + dataDir));
        if (onMysql()) {
            command.add("-Dquarkus.profile=mysql");
            command.add("-Dintake.mysql.database=" + mysqlDatabase);
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDir.toFile(), "intake.log"))).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("intake exited; see " + dataDir.resolve("intake.log"));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL()
                        .openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("intake did not become ready");
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
