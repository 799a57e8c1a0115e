package io.gongkai.aggregation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * Intake's feed for a packaged aggregation service when the test needs more reports than intake would accept in
 * its time: a JDK HTTP server answering {@code GET /api/v1/feed} with entries computed from their cursor (1 to
 * {@code size}), so none is held in memory. It checks no token; what it stands in for is the feed, not intake's
 * security.
 */
public final class GeneratedFeed implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final long size;
    private final LongFunction<FeedEntry> entryAt;

    private GeneratedFeed(long size, LongFunction<FeedEntry> entryAt) throws IOException {
        this.size = size;
        this.entryAt = entryAt;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/v1/feed", this::page);
        server.start();
    }

    /** @param entryAt the entry at a cursor (1 to size); its cursor field is set here */
    public static GeneratedFeed start(long size, LongFunction<FeedEntry> entryAt) throws IOException {
        return new GeneratedFeed(size, entryAt);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        List<FeedEntry> entries = new ArrayList<>();
        for (long cursor = after + 1; cursor <= size && entries.size() < limit; cursor++) {
            FeedEntry entry = entryAt.apply(cursor);
            entries.add(new FeedEntry(cursor, entry.unitCode(), entry.year(), entry.version(), entry.formVersion(),
                    entry.contentHash(), entry.receivedAt(), entry.warnings(), entry.submission()));
        }
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).cursor();
        byte[] body = IntakeStub.JSON.writeValueAsBytes(new FeedPage(entries, next, next < size, Math.max(size, next)));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
