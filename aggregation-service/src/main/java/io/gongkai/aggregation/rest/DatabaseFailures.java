package io.gongkai.aggregation.rest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Tells a database that cannot be reached from other failures. */
@ApplicationScoped
public class DatabaseFailures {

    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;

    public DatabaseFailures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * True when the failure says the connection failed, or when the database does not answer a probe (the pool and
     * the transaction manager do not always keep the original cause).
     */
    public boolean isUnavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (isConnectionFailure(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return !reachable();
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isConnectionFailure(Throwable failure) {
        if (failure instanceof org.hibernate.exception.JDBCConnectionException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return failure instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || String.valueOf(sql.getMessage()).contains("Acquisition timeout"));
    }
}
