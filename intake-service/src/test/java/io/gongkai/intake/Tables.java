package io.gongkai.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Direct reads of intake's tables, to prove what a request stored or left alone. */
@ApplicationScoped
public class Tables {


    private final AgroalDataSource dataSource;

    public Tables(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Row counts of the data tables, and the last feed position handed out. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("submission_version", query("SELECT COUNT(*) FROM submission_version"));
        counts.put("feed_sequencer", query("SELECT COUNT(*) FROM feed_sequencer"));
        counts.put("last feed position", query("SELECT last_seq FROM feed_sequencer"));
        return counts;
    }

    /** A timestamp the query converts to seconds since the epoch in SQL (UNIX_TIMESTAMP), whole seconds. */
    public long epochSecond(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBigDecimal(1).longValue();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long query(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
