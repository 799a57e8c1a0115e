package io.gongkai.aggregation.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of aggregation's tables, to prove a request changed nothing. */
@ApplicationScoped
public class Tables {

    private static final List<String> ALL = List.of("unit", "unit_report", "aggregate", "follower_state");

    private final AgroalDataSource dataSource;

    public Tables(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : ALL) {
                try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
