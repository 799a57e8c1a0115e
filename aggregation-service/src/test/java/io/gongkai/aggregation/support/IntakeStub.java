package io.gongkai.aggregation.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import io.gongkai.contracts.form.StatisticsJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A stand-in for intake's feed: a JDK HTTP server answering {@code GET /api/v1/feed} from entries the tests put
 * in through {@code POST /stub/entries} (cursors assigned here). {@code POST /stub/down} and {@code /stub/up}
 * make it answer 503. This is the deliberate unit boundary of the @QuarkusTest tests; the *IT tests run the real
 * intake. On the mysql profile each run also gets a fresh database, dropped again at the end.
 */
public class IntakeStub implements QuarkusTestResourceLifecycleManager {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .nodeFactory(StatisticsJson.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final List<FeedEntry> entries = new ArrayList<>();
    private volatile boolean down;
    private HttpServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/feed", this::feed);
        server.createContext("/stub/entries", this::add);
        server.createContext("/stub/down", exchange -> toggle(exchange, true));
        server.createContext("/stub/up", exchange -> toggle(exchange, false));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.intake.url", "http://127.0.0.1:" + server.getAddress().getPort());
        if (mysqlProfile()) {
            // A fresh database per run: the name given (-Daggregation.mysql.database) plus a timestamp. The whole URL
            // is set here because a system property would win over a test resource's value.
            database = System.getProperty("aggregation.mysql.database", "gongkai_aggregation_test") + "_t" + System.currentTimeMillis();
            config.put("quarkus.datasource.jdbc.url", "jdbc:mysql://" + mysqlHost() + "/" + database
                    + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true");
        }
        return config;
    }

    @Override
    public void stop() {
        server.stop(0);
        if (database != null) {
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://" + mysqlHost() + "/",
                System.getProperty("gongkai.mysql.user", "root"), System.getProperty("gongkai.mysql.password", ""));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException e) {
                System.err.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }

    private static String mysqlHost() {
        return System.getProperty("gongkai.mysql.host", "127.0.0.1") + ":" + System.getProperty("gongkai.mysql.port", "3306");
    }

    /** The tests run on MySQL when their profile says so (-Dquarkus.test.profile=test,mysql). */
    static boolean mysqlProfile() {
        return System.getProperty("quarkus.test.profile", "").contains("mysql");
    }

    private void feed(HttpExchange exchange) throws IOException {
        if (down) {
            respond(exchange, 503, "{\"title\":\"down\"}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        List<FeedEntry> page;
        long head;
        synchronized (entries) {
            page = entries.stream().filter(e -> e.cursor() > after).limit(limit + 1L).toList();
            head = entries.stream().mapToLong(FeedEntry::cursor).max().orElse(0);
        }
        boolean more = page.size() > limit;
        page = more ? page.subList(0, limit) : page;
        long next = page.isEmpty() ? after : page.get(page.size() - 1).cursor();
        respond(exchange, 200, JSON.writeValueAsString(new FeedPage(page, next, more, Math.max(head, next))));
    }

    private void add(HttpExchange exchange) throws IOException {
        FeedEntry[] posted = JSON.readValue(exchange.getRequestBody(), FeedEntry[].class);
        List<Long> cursors = new ArrayList<>();
        synchronized (entries) {
            for (FeedEntry entry : posted) {
                long cursor = entries.size() + 1L;
                entries.add(new FeedEntry(cursor, entry.unitCode(), entry.year(), entry.version(), entry.formVersion(),
                        entry.contentHash(), entry.receivedAt(), entry.warnings(), entry.submission()));
                cursors.add(cursor);
            }
        }
        respond(exchange, 200, JSON.writeValueAsString(cursors));
    }

    private void toggle(HttpExchange exchange, boolean down) throws IOException {
        this.down = down;
        respond(exchange, 204, null);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        Optional.ofNullable(uri.getRawQuery()).ifPresent(q -> {
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        });
        return params;
    }
}
