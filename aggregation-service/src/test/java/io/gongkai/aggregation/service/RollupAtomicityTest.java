package io.gongkai.aggregation.service;

import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page is applied in one transaction with its cursor: when it fails after the reports were written (here: a
 * stored total in another form), neither the reports, nor the totals, nor the cursor change.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
class RollupAtomicityTest {

    static final int YEAR = 2019;

    @Inject
    RollupService rollup;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPageThatFailsAfterWritingReportsLeavesNothingBehind() throws SQLException {
        // A stored total the page cannot read: the page fails when it adds to it, after it has written the report.
        execute("INSERT INTO aggregate (unit_code, report_year, form_version, cells, reports, received, on_time, late)"
                + " VALUES ('640402', " + YEAR + ", '2021', '[0]', 1, 1, 1, 0)");
        long after = rollup.cursor();
        FeedEntry entry = StubFeed.entry("640402100", "三营镇", null, YEAR, 1, ValidReports.random(new Random(7), 10),
                OffsetDateTime.parse("2020-01-20T09:00:00+08:00"), List.of());
        FeedPage page = new FeedPage(List.of(withCursor(entry, after + 1)), after + 1, false, after + 1);

        assertThatThrownBy(() -> rollup.apply(after, page)).hasMessageContaining("stored cells have 1 values");

        assertThat(count("SELECT COUNT(*) FROM unit_report WHERE report_year = " + YEAR + " AND unit_code LIKE '6404%'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM aggregate WHERE report_year = " + YEAR + " AND unit_code LIKE '6404%'"))
                .isEqualTo(1);
        assertThat(count("SELECT reports FROM aggregate WHERE unit_code = '640402' AND report_year = " + YEAR))
                .isEqualTo(1);
        assertThat(rollup.cursor()).isEqualTo(after);
        execute("DELETE FROM aggregate WHERE report_year = " + YEAR + " AND unit_code = '640402'");
    }

    private static FeedEntry withCursor(FeedEntry e, long cursor) {
        return new FeedEntry(cursor, e.unitCode(), e.year(), e.version(), e.formVersion(), e.contentHash(),
                e.receivedAt(), e.warnings(), e.submission());
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
