package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Aggregate;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.model.UnitYearForm;
import io.gongkai.contracts.jdbc.InList;
import io.gongkai.contracts.jdbc.UtcCalendar;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports and totals a feed page changes, read and written in plain JDBC on the page's transaction: one query
 * per table and year to read them, one batched statement per table and kind of change to write them. The rows
 * come back as detached {@link UnitReport} and {@link Aggregate} objects that the persistence context never sees,
 * so nothing is flushed or dirty-checked for them.
 */
@ApplicationScoped
public class RollupRows {

    private static final String REPORT_COLUMNS = "unit_code, report_year, version, form_version, content_hash,"
            + " feed_cursor, first_received_at, received_at, on_time, cells, warnings, warning_count, cross_year,"
            + " cross_year_count";
    private static final String INSERT_REPORT = "INSERT INTO unit_report (" + REPORT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_REPORT = "UPDATE unit_report SET version = ?, form_version = ?,"
            + " content_hash = ?, feed_cursor = ?, first_received_at = ?, received_at = ?, on_time = ?, cells = ?,"
            + " warnings = ?, warning_count = ?, cross_year = ?, cross_year_count = ?"
            + " WHERE unit_code = ? AND report_year = ?";
    private static final String AGGREGATE_COLUMNS = "unit_code, report_year, form_version, cells, reports, received,"
            + " on_time, late";
    private static final String INSERT_AGGREGATE = "INSERT INTO aggregate (" + AGGREGATE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_AGGREGATE = "UPDATE aggregate SET cells = ?, reports = ?, received = ?,"
            + " on_time = ?, late = ? WHERE unit_code = ? AND report_year = ? AND form_version = ?";

    /** The current reports with the given keys. */
    public Map<UnitYear, UnitReport> reports(Connection connection, Collection<UnitYear> keys) throws SQLException {
        Map<UnitYear, UnitReport> found = new HashMap<>();
        for (Map.Entry<Integer, List<String>> year : byYear(keys).entrySet()) {
            select(connection, "SELECT " + REPORT_COLUMNS + " FROM unit_report", year.getKey(), year.getValue(), row -> {
                UnitReport report = new UnitReport();
                report.id = new UnitYear(row.getString(1), row.getInt(2));
                report.version = row.getInt(3);
                report.formVersion = row.getString(4);
                report.contentHash = row.getString(5);
                report.feedCursor = row.getLong(6);
                report.firstReceivedAt = row.getTimestamp(7, UtcCalendar.create()).toInstant();
                report.receivedAt = row.getTimestamp(8, UtcCalendar.create()).toInstant();
                report.onTime = row.getBoolean(9);
                report.cells = row.getString(10);
                report.warnings = row.getString(11);
                report.warningCount = row.getInt(12);
                report.crossYear = row.getString(13);
                report.crossYearCount = row.getInt(14);
                found.put(report.id, report);
            });
        }
        return found;
    }

    /** The totals with the given keys (those of every form of the keys' units and years are read). */
    public Map<UnitYearForm, Aggregate> aggregates(Connection connection, Collection<UnitYearForm> keys) throws SQLException {
        Map<UnitYearForm, Aggregate> found = new HashMap<>();
        List<UnitYear> unitYears = keys.stream().map(UnitYearForm::unitYear).distinct().toList();
        for (Map.Entry<Integer, List<String>> year : byYear(unitYears).entrySet()) {
            select(connection, "SELECT " + AGGREGATE_COLUMNS + " FROM aggregate", year.getKey(), year.getValue(), row -> {
                Aggregate aggregate = new Aggregate();
                aggregate.id = new UnitYearForm(row.getString(1), row.getInt(2), row.getString(3));
                aggregate.cells = row.getString(4);
                aggregate.reports = row.getInt(5);
                aggregate.received = row.getInt(6);
                aggregate.onTime = row.getInt(7);
                aggregate.late = row.getInt(8);
                found.put(aggregate.id, aggregate);
            });
        }
        return found;
    }

    public void insertReports(Connection connection, Collection<UnitReport> reports) throws SQLException {
        batch(connection, INSERT_REPORT, reports, (statement, r) -> {
            statement.setString(1, r.id.unitCode);
            statement.setInt(2, r.id.reportYear);
            setReportState(statement, 3, r);
        });
    }

    public void updateReports(Connection connection, Collection<UnitReport> reports) throws SQLException {
        batch(connection, UPDATE_REPORT, reports, (statement, r) -> {
            setReportState(statement, 1, r);
            statement.setString(13, r.id.unitCode);
            statement.setInt(14, r.id.reportYear);
        });
    }

    public void insertAggregates(Connection connection, Collection<Aggregate> aggregates) throws SQLException {
        batch(connection, INSERT_AGGREGATE, aggregates, (statement, a) -> {
            statement.setString(1, a.id.unitCode);
            statement.setInt(2, a.id.reportYear);
            statement.setString(3, a.id.formVersion);
            setAggregateState(statement, 4, a);
        });
    }

    public void updateAggregates(Connection connection, Collection<Aggregate> aggregates) throws SQLException {
        batch(connection, UPDATE_AGGREGATE, aggregates, (statement, a) -> {
            setAggregateState(statement, 1, a);
            statement.setString(6, a.id.unitCode);
            statement.setInt(7, a.id.reportYear);
            statement.setString(8, a.id.formVersion);
        });
    }

    /** Binds everything of a report but its key, from the given parameter on (12 parameters). */
    private static void setReportState(PreparedStatement statement, int first, UnitReport r) throws SQLException {
        int p = first;
        statement.setInt(p++, r.version);
        statement.setString(p++, r.formVersion);
        statement.setString(p++, r.contentHash);
        statement.setLong(p++, r.feedCursor);
        statement.setTimestamp(p++, Timestamp.from(r.firstReceivedAt), UtcCalendar.create());
        statement.setTimestamp(p++, Timestamp.from(r.receivedAt), UtcCalendar.create());
        statement.setBoolean(p++, r.onTime);
        statement.setString(p++, r.cells);
        statement.setString(p++, r.warnings);
        statement.setInt(p++, r.warningCount);
        statement.setString(p++, r.crossYear);
        statement.setInt(p, r.crossYearCount);
    }

    /** Binds everything of a total but its key, from the given parameter on (5 parameters). */
    private static void setAggregateState(PreparedStatement statement, int first, Aggregate a) throws SQLException {
        int p = first;
        statement.setString(p++, a.cells);
        statement.setInt(p++, a.reports);
        statement.setInt(p++, a.received);
        statement.setInt(p++, a.onTime);
        statement.setInt(p, a.late);
    }

    private static Map<Integer, List<String>> byYear(Collection<UnitYear> keys) {
        Map<Integer, List<String>> codes = new HashMap<>();
        keys.forEach(k -> codes.computeIfAbsent(k.reportYear, y -> new ArrayList<>()).add(k.unitCode));
        return codes;
    }

    private static void select(Connection connection, String selectFrom, int year, List<String> unitCodes,
            RowReader reader) throws SQLException {
        InList<String> codes = InList.of(unitCodes);
        try (PreparedStatement statement = connection.prepareStatement(selectFrom
                + " WHERE report_year = ? AND unit_code IN (" + codes.placeholders() + ")")) {
            statement.setInt(1, year);
            int parameter = 2;
            for (String code : codes.values()) {
                statement.setString(parameter++, code);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static <T> void batch(Connection connection, String sql, Collection<T> rows, RowBinder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }


    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }
}
