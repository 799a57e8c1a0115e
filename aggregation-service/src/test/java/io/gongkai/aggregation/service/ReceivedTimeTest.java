package io.gongkai.aggregation.service;

import io.agroal.api.AgroalDataSource;
import io.gongkai.aggregation.model.UnitReport;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.repository.UnitReportRepository;
import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.aggregation.support.StubFeed;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.testing.ValidReports;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The received times aggregation keeps are the feed's instants, whatever the time zone of the JVM and of the database
 * session (the build runs the tests in Asia/Shanghai, and on MySQL in sessions that start at +08:00): written in
 * plain JDBC, read back by the next page and through Hibernate alike. Uses 昆明市五华区 (530102) in 2023 only.
 */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = Roles.READER)
class ReceivedTimeTest {

    static final OffsetDateTime LAST_SECOND = OffsetDateTime.parse("2024-01-31T23:59:59+08:00");
    static final OffsetDateTime CORRECTED = OffsetDateTime.parse("2024-02-01T00:00:00+08:00");

    @Inject
    UnitReportRepository reports;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReportKeepsTheInstantsOfItsFirstAndItsCurrentVersion() throws SQLException {
        Division township = DivisionTable.national().children("530102").get(0);
        Random random = new Random(530102);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StubFeed.publishAndAwait(StubFeed.entry(township.code(), township.name(), null, 2023, 1,
                ValidReports.random(random, 10), LAST_SECOND, List.of()));
        StubFeed.publishAndAwait(StubFeed.entry(township.code(), township.name(), null, 2023, 2,
                ValidReports.random(random, 10), CORRECTED, List.of()));
        Instant after = Instant.now().plusSeconds(1);

        UnitReport report = QuarkusTransaction.requiringNew()
                .call(() -> reports.findById(new UnitYear(township.code(), 2023)));
        assertThat(report.firstReceivedAt).isEqualTo(LAST_SECOND.toInstant());
        assertThat(report.receivedAt).isEqualTo(CORRECTED.toInstant());
        assertThat(epochSeconds("SELECT UNIX_TIMESTAMP(first_received_at), UNIX_TIMESTAMP(received_at)"
                + " FROM unit_report WHERE unit_code = ? AND report_year = 2023", township.code()))
                .as("the stored instants, as the database reckons them")
                .containsExactly(LAST_SECOND.toEpochSecond(), CORRECTED.toEpochSecond());

        Instant asOf = OffsetDateTime.parse(given().when().get("/api/v1/aggregates/{code}/2023", township.code())
                .then().statusCode(200).extract().jsonPath().getString("asOf.time")).toInstant();
        assertThat(asOf).isBetween(before, after);
        assertThat(epochSeconds("SELECT UNIX_TIMESTAMP(updated_at) FROM follower_state"))
                .containsExactly(asOf.getEpochSecond());
    }

    /** The timestamps the query converts to seconds since the epoch in SQL (UNIX_TIMESTAMP), whole seconds. */
    private List<Long> epochSeconds(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int columns = row.getMetaData().getColumnCount();
                Long[] seconds = new Long[columns];
                for (int i = 0; i < columns; i++) {
                    seconds[i] = row.getBigDecimal(i + 1).longValue();
                }
                return List.of(seconds);
            }
        }
    }
}
