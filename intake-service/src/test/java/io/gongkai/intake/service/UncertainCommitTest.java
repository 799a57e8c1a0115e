package io.gongkai.intake.service;

import io.gongkai.intake.Reports;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.repository.VersionWrites;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.UnitRegistry;
import io.gongkai.intake.validation.ValidatedSubmission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server commits a batch, then the connection fails before the commit is confirmed. The writer must find out
 * that the batch was stored instead of storing it again submission by submission.
 */
class UncertainCommitTest {

    private final SubmissionParser parser = new SubmissionParser();
    private final SubmissionValidator validator = new SubmissionValidator(new UnitRegistry(), Clock.systemUTC());
    private final Caller caller = new Caller("yuanzhou-office", Set.of("submitter"), "640402", "10.0.0.7");

    @Test
    void aBatchCommittedBeforeItsConnectionFailedIsAnsweredAsStoredAndStoredOnce() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:uncertain;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        AtomicBoolean failNextCommit = new AtomicBoolean(true);
        SubmissionWriter writer = new SubmissionWriter(committingThenFailing(h2, failNextCommit), new VersionWrites(),
                Clock.systemUTC(), config(), new IntakeMetrics(new SimpleMeterRegistry()));

        var report = Reports.busy("640402100", "原州区三营镇", 2023);
        CompletableFuture<StoreOutcome> first = writer.write(validated(report), CanonicalDocument.of(validated(report)),
                caller, SubmissionOrigin.API);
        Reports.set(report, "activeDisclosure.licensing.decisions", 1);
        CompletableFuture<StoreOutcome> correction = writer.write(validated(report),
                CanonicalDocument.of(validated(report)), caller, SubmissionOrigin.API);
        writer.start(); // both are queued before the writer runs: one batch

        assertThat(first.get(10, TimeUnit.SECONDS).receipt().version()).isEqualTo(1);
        assertThat(correction.get(10, TimeUnit.SECONDS).receipt().version()).isEqualTo(2);
        assertThat(failNextCommit).as("the commit failed once").isFalse();
        assertThat(count(h2, "SELECT COUNT(*) FROM submission_version")).isEqualTo(2);
        assertThat(count(h2, "SELECT last_seq FROM feed_sequencer")).isEqualTo(2);
    }

    private ValidatedSubmission validated(com.fasterxml.jackson.databind.node.ObjectNode report) {
        return validator.validate(parser.parse(Reports.text(report).getBytes(StandardCharsets.UTF_8)));
    }

    /** Connections whose commit goes through on the server and then reports a lost connection, once. */
    private static DataSource committingThenFailing(DataSource real, AtomicBoolean failNextCommit) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (c, m, a) -> {
                                Object answer = invoke(connection, m, a);
                                if (m.getName().equals("commit") && failNextCommit.getAndSet(false)) {
                                    throw new SQLException("Communications link failure", "08S01");
                                }
                                return answer;
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static IntakeConfig config() {
        return new IntakeConfig() {
            public int maxBodyBytes() {
                return 262_144;
            }

            public int maxBodiesInFlight() {
                return 128;
            }

            public int maxImportBytes() {
                return 2_097_152;
            }

            public int maxLargeBodiesInFlight() {
                return 8;
            }

            public int batchSize() {
                return 200;
            }

            public long feedPageBytes() {
                return 4_194_304;
            }

            public int queueCapacity() {
                return 10;
            }

            public long queueBytes() {
                return 16_777_216;
            }

            public Duration writeTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
