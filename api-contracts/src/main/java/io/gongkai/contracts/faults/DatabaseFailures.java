package io.gongkai.contracts.faults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells a database that cannot be reached from other failures by asking the database itself: the pool and the
 * transaction manager wrap (and sometimes drop) the original cause, so the exception alone does not tell.
 */
public class DatabaseFailures {

    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseFailures(DataSource dataSource) {
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
