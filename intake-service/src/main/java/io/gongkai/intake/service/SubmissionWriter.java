package io.gongkai.intake.service;

import io.agroal.api.AgroalDataSource;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.repository.VersionWrites;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.ValidatedSubmission;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ServiceUnavailableException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores validated submissions with group commit. Request threads queue their submission and wait; one writer
 * thread takes everything queued (up to {@code gongkai.intake.batch-size}) and stores it in one transaction: lock
 * the feed, read the units' current versions, insert the new versions with their feed positions and the audit
 * records, commit. Then every waiting request gets its answer, so a 2xx always follows the commit. While a batch is
 * written the next one gathers, so the batches grow with the load and the database sees a few statements and one
 * commit per batch instead of per submission.
 * <p>
 * Times are kept to the second: Connector/J sends no fractional seconds to MariaDB before 11 (it takes the server
 * for MySQL 5.5), so a finer receipt would not match what is stored.
 */
@ApplicationScoped
public class SubmissionWriter {

    private static final Logger LOG = Logger.getLogger(SubmissionWriter.class);

    private final AgroalDataSource dataSource;
    private final VersionWrites writes;
    private final Clock clock;
    private final IntakeConfig config;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private Thread writer;

    public SubmissionWriter(AgroalDataSource dataSource, VersionWrites writes, Clock clock, IntakeConfig config) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.clock = clock;
        this.config = config;
    }

    @PostConstruct
    void start() {
        writer = new Thread(this::run, "submission-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores the submission as its unit's next version, or recognises a replay of the current one. The outcome
     * completes once it is committed; a batch that cannot be committed completes it with the failure, and a write
     * that takes longer than {@code gongkai.intake.write-timeout} with a 503.
     */
    public CompletableFuture<StoreOutcome> write(ValidatedSubmission submission, CanonicalDocument document,
            Caller caller) {
        if (stopping) {
            return CompletableFuture.failedFuture(
                    new ServiceUnavailableException("intake is shutting down; nothing was stored, retry"));
        }
        Pending pending = new Pending(submission, document, caller, new CompletableFuture<>());
        queue.add(pending);
        return pending.outcome.orTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new ServiceUnavailableException("the database did not confirm the write in time; it may"
                                + " still be stored: retry, and an identical report is answered as a replay")
                        : failure));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        writer.join(config.writeTimeout().toMillis());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!(stopping && queue.isEmpty())) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.batchSize() - 1);
                writeIsolatingFailures(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("the submission writer failed; the batch's requests were answered with the failure", e);
                batch.forEach(p -> p.outcome.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; when it fails, each submission alone, so one bad row fails only itself. */
    private void writeIsolatingFailures(List<Pending> batch) {
        try {
            write(batch);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).outcome.completeExceptionally(failure(e));
                return;
            }
            LOG.debugf("a batch of %d failed (%s); writing its submissions one by one", batch.size(), e.getMessage());
            for (Pending pending : batch) {
                try {
                    write(List.of(pending));
                } catch (SQLException | RuntimeException single) {
                    pending.outcome.completeExceptionally(failure(single));
                }
            }
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        Set<String> units = new LinkedHashSet<>();
        Set<Integer> years = new LinkedHashSet<>();
        Set<String> departments = new LinkedHashSet<>();
        for (Pending p : batch) {
            units.add(p.submission.unitCode());
            years.add(p.submission.year());
            years.add(p.submission.year() - 1);
            if (p.submission.parentCode() != null) {
                departments.add(p.submission.unitCode());
            }
        }
        List<Decided> decided = new ArrayList<>(batch.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long lastSeq = writes.lockFeed(connection);
                WriteBatch plan = new WriteBatch(writes.versions(connection, units, years),
                        departments.isEmpty() ? Map.of() : writes.registeredParents(connection, departments),
                        lastSeq, clock.instant().truncatedTo(ChronoUnit.SECONDS));
                for (Pending p : batch) {
                    decided.add(decide(plan, p));
                }
                if (!plan.versions().isEmpty()) {
                    writes.insertVersions(connection, plan.versions());
                    writes.advanceFeed(connection, plan.lastSeq());
                }
                if (!plan.audits().isEmpty()) {
                    writes.insertAudits(connection, plan.audits());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        decided.forEach(Decided::deliver);
    }

    private static Decided decide(WriteBatch plan, Pending pending) {
        try {
            return new Decided(pending, plan.add(pending.submission, pending.document, pending.caller), null);
        } catch (RuntimeException refused) {
            return new Decided(pending, null, refused);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf("rollback failed: %s", e.getMessage());
        }
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new StoreFailedException(e);
    }

    private record Pending(ValidatedSubmission submission, CanonicalDocument document, Caller caller,
            CompletableFuture<StoreOutcome> outcome) {
    }

    /** A submission's outcome, delivered only after the batch committed. */
    private record Decided(Pending pending, StoreOutcome outcome, RuntimeException refusal) {

        void deliver() {
            if (refusal != null) {
                pending.outcome.completeExceptionally(refusal);
            } else {
                pending.outcome.complete(outcome);
            }
        }
    }

    /** The database refused or lost a batch; nothing of it was stored. */
    static final class StoreFailedException extends RuntimeException {
        StoreFailedException(Exception cause) {
            super("storing the submission failed: " + cause.getMessage(), cause);
        }
    }
}
