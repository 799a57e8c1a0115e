package io.gongkai.bench;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.CellValues;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** What the same MariaDB server does without the services: raw inserts and a plain wide table. */
final class Baselines {

    record Insert(int rows, double seconds, Histogram latency) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    record Query(String level, String code, int runs, Histogram latency, long rowsMatched) {
    }

    private final Db db;
    private final String database;

    Baselines(Db db, String database) {
        this.db = db;
        this.database = database;
    }

    void recreate() throws SQLException {
        db.recreate(database);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(database, "rewriteBatchedStatements=true"), db.user, db.password);
    }

    /** (a) one durable autocommit INSERT per submission body, {@code clients} connections in parallel. */
    Insert singleInserts(List<Division> units, List<byte[]> bodies, int clients) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS raw_single");
            s.execute("CREATE TABLE raw_single (id BIGINT AUTO_INCREMENT PRIMARY KEY, unit_code VARCHAR(32) NOT NULL,"
                    + " body LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        AtomicInteger next = new AtomicInteger();
        List<Histogram> histograms = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Histogram h = Stats.histogram();
            histograms.add(h);
            threads.add(new Thread(() -> {
                try (Connection c = connect();
                        PreparedStatement insert = c.prepareStatement("INSERT INTO raw_single (unit_code, body) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        insert.setString(1, units.get(i).code());
                        insert.setString(2, new String(bodies.get(i), StandardCharsets.UTF_8));
                        insert.executeUpdate();
                        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("baseline (a) failed", failure.get());
        }
        return new Insert(bodies.size(), seconds, Stats.merge(histograms));
    }

    /** (a') the same bodies, 100 rows per (rewritten, multi-row) INSERT, {@code clients} connections in parallel. */
    Insert batchedInserts(List<Division> units, List<byte[]> bodies, int clients, int batch) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS raw_batched");
            s.execute("CREATE TABLE raw_batched (id BIGINT AUTO_INCREMENT PRIMARY KEY, unit_code VARCHAR(32) NOT NULL,"
                    + " body LONGTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Histogram h = Stats.histogram();
            histograms.add(h);
            threads.add(new Thread(() -> {
                try (Connection c = connect();
                        PreparedStatement insert = c.prepareStatement("INSERT INTO raw_batched (unit_code, body) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    for (int from = next.getAndAdd(batch); from < bodies.size(); from = next.getAndAdd(batch)) {
                        long t0 = System.nanoTime();
                        for (int i = from; i < Math.min(bodies.size(), from + batch); i++) {
                            insert.setString(1, units.get(i).code());
                            insert.setString(2, new String(bodies.get(i), StandardCharsets.UTF_8));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("baseline (a') failed", failure.get());
        }
        return new Insert(bodies.size(), seconds, Stats.merge(histograms));
    }

    /** (b) loads the current figures into a plain wide table (one column per cell, one row per township). */
    double loadWide(List<Division> units, List<CellValues> values) throws SQLException {
        List<Cell> cells = Generator.FORM.cells();
        StringBuilder ddl = new StringBuilder("CREATE TABLE wide (township_code CHAR(9) PRIMARY KEY,"
                + " county_code CHAR(6) NOT NULL, city_code CHAR(4) NOT NULL, province_code CHAR(2) NOT NULL");
        for (Cell cell : cells) {
            ddl.append(", c").append(cell.index() + 1)
                    .append(cell.type() == CellType.AMOUNT ? " DECIMAL(20,6)" : " BIGINT").append(" NOT NULL");
        }
        ddl.append(", KEY wide_county (county_code), KEY wide_city (city_code), KEY wide_province (province_code))"
                + " ENGINE=InnoDB");
        StringBuilder insert = new StringBuilder("INSERT INTO wide VALUES (?, ?, ?, ?");
        cells.forEach(c -> insert.append(", ?"));
        insert.append(')');
        long start = System.nanoTime();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS wide");
            s.execute(ddl.toString());
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert.toString())) {
                for (int i = 0; i < units.size(); i++) {
                    String code = units.get(i).code();
                    ps.setString(1, code);
                    ps.setString(2, code.substring(0, 6));
                    ps.setString(3, code.substring(0, 4));
                    ps.setString(4, code.substring(0, 2));
                    for (Cell cell : cells) {
                        ps.setBigDecimal(cell.index() + 5, values.get(i).get(cell));
                    }
                    ps.addBatch();
                    if (i % 500 == 499) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            s.execute("ANALYZE TABLE wide");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Times SELECT SUM(c1..c200) at each level; {@code codes} maps level name to code ("" = nation, no WHERE). */
    List<Query> queryWide(Map<String, String> codes, int runs, double maxSecondsPerLevel) throws SQLException {
        List<Cell> cells = Generator.FORM.cells();
        StringBuilder sums = new StringBuilder("SELECT COUNT(*)");
        cells.forEach(c -> sums.append(", SUM(c").append(c.index() + 1).append(')'));
        sums.append(" FROM wide");
        List<Query> out = new ArrayList<>();
        try (Connection c = connect()) {
            for (Map.Entry<String, String> level : codes.entrySet()) {
                String code = level.getValue();
                String column = switch (code.length()) {
                    case 0 -> null;
                    case 2 -> "province_code";
                    case 4 -> "city_code";
                    case 6 -> "county_code";
                    default -> throw new IllegalArgumentException(code);
                };
                String sql = column == null ? sums.toString() : sums + " WHERE " + column + " = ?";
                Histogram h = Stats.histogram();
                long rows = 0;
                long deadline = System.nanoTime() + (long) (maxSecondsPerLevel * 1e9);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int run = 0; run < runs + 3 && (run < 13 || System.nanoTime() < deadline); run++) {
                        long t0 = System.nanoTime();
                        if (column != null) {
                            ps.setString(1, code);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            rows = rs.getLong(1);
                            for (int i = 2; i <= cells.size() + 1; i++) {
                                rs.getBigDecimal(i);
                            }
                        }
                        if (run >= 3) { // the first three runs warm the buffer pool
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        }
                    }
                }
                out.add(new Query(level.getKey(), code.isEmpty() ? "CN" : code, (int) h.getTotalCount(), h, rows));
            }
        }
        return out;
    }

    static Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("nation", "");
        levels.put("province", "64");
        levels.put("city", "6404");
        levels.put("county", "640402");
        return levels;
    }

    static void joinAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }
}
