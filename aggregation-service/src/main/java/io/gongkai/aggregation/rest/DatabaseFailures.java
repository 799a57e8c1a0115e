package io.gongkai.aggregation.rest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells a database that cannot be reached from other failures by asking the database itself: the pool and the
 * transaction manager wrap (and sometimes drop) the original cause, so the exception alone does not tell.
 */
@ApplicationScoped
public class DatabaseFailures {

    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    public DatabaseFailures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when an unexpected failure happened while the database does not answer. */
    public boolean isUnavailable() {
        try (Connection connection = dataSource.getConnection()) {
            return !connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }
}
