package io.gongkai.aggregation.service;

import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances starting together on a fresh database both load the division table: one inserts what is missing,
 * the other then finds it loaded; neither fails on the other's rows. Here the townships of 西藏 (54), which no other
 * test uses, are missing, and two loads run at once.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class DivisionLoadTest {

    static final String TIBET_TOWNSHIPS = "SELECT COUNT(*) FROM unit WHERE kind = 'TOWNSHIP' AND code LIKE '54%'";

    @Inject
    HierarchyService hierarchy;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoLoadsAtOnceInsertTheMissingUnitsOnce() throws Exception {
        long townships = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP && d.code().startsWith("54")).count();
        execute("DELETE FROM unit WHERE kind = 'TOWNSHIP' AND code LIKE '54%'");
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> load = hierarchy::loadDivisions;
            int inserted = 0;
            for (Future<Integer> loaded : instances.invokeAll(List.of(load, load))) {
                inserted += loaded.get();
            }
            assertThat(inserted).isEqualTo(townships);
        } finally {
            instances.shutdown();
            hierarchy.loadDivisions();
        }
        assertThat(count(TIBET_TOWNSHIPS)).isEqualTo(townships);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
