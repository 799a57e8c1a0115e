package io.gongkai.intake.service;

import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.repository.VersionWrites.NewVersion;
import io.gongkai.intake.repository.VersionWrites;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.ValidatedSubmission;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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

    private final DataSource dataSource;
    private final VersionWrites writes;
    private final Clock clock;
    private final IntakeConfig config;
    private final IntakeMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Bytes of the canonical reports waiting in the queue; bounded by gongkai.intake.queue-bytes. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean stopping;
    private Thread writer;

    public SubmissionWriter(DataSource dataSource, VersionWrites writes, Clock clock, IntakeConfig config,
            IntakeMetrics metrics) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        metrics.queueDepth(queue::size);
        writer = new Thread(this::run, "submission-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores the submission as its unit's next version, or recognises a replay of the current one. The outcome
     * completes once it is committed; a batch that cannot be committed completes it with the failure.
     * <p>
     * A full queue (by count or bytes) sheds the submission at once with a 503. A submission still waiting when
     * {@code gongkai.intake.write-timeout} passes is withdrawn and answered 503 as well; neither is ever stored later.
     * Once the writer has taken a submission its commit is awaited, however long it takes.
     */
    public CompletableFuture<StoreOutcome> write(ValidatedSubmission submission, CanonicalDocument document,
            Caller caller, SubmissionOrigin origin) {
        if (stopping) {
            return CompletableFuture.failedFuture(new WriterBusyException("intake is shutting down"));
        }
        Pending pending = new Pending(submission, document, caller, origin);
        if (!enqueue(pending)) {
            metrics.shed();
            return CompletableFuture.failedFuture(new WriterBusyException("intake has "
                    + queue.size() + " submissions waiting to be stored"));
        }
        // The timer is cancelled when the outcome completes, so nothing holds a settled submission for its timeout.
        CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(config.writeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        pending.outcome.whenComplete((outcome, failure) -> timer.complete(null));
        timer.exceptionally(timeout -> {
            if (pending.settle()) {
                queuedBytes.addAndGet(-pending.bytes());
                metrics.shed();
                pending.outcome.completeExceptionally(new WriterBusyException("the database did not take the"
                        + " submission within " + config.writeTimeout().toSeconds() + " s"));
            }
            return null;
        });
        return pending.outcome;
    }

    /** Queues the submission unless the queue is full by count or by bytes; one submission alone always fits. */
    private boolean enqueue(Pending pending) {
        if (queue.size() >= config.queueCapacity()) {
            return false;
        }
        long bytes = pending.bytes();
        long queued = queuedBytes.addAndGet(bytes);
        if (queued > config.queueBytes() && queued != bytes) {
            queuedBytes.addAndGet(-bytes);
            return false;
        }
        queue.add(pending);
        return true;
    }

    /** Takes the submissions of a batch that were not withdrawn meanwhile; withdrawn ones are never stored. */
    private List<Pending> settle(List<Pending> taken) {
        List<Pending> batch = new ArrayList<>(taken.size());
        for (Pending pending : taken) {
            if (pending.settle()) {
                queuedBytes.addAndGet(-pending.bytes());
                batch.add(pending);
            }
        }
        return batch;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        writer.join(config.writeTimeout().toMillis());
    }

    private void run() {
        List<Pending> taken = new ArrayList<>();
        List<Pending> batch = List.of();
        while (!(stopping && queue.isEmpty())) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, config.batchSize() - 1);
                batch = settle(taken);
                if (!batch.isEmpty()) {
                    metrics.batch(batch.size());
                    writeIsolatingFailures(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("the submission writer failed; the batch's requests were answered with the failure", e);
                for (Pending pending : batch) {
                    pending.outcome.completeExceptionally(e);
                }
            } finally {
                taken.clear();
                batch = List.of();
            }
        }
    }

    /**
     * One transaction for the batch; when it fails, each submission alone, so one bad row fails only itself. When
     * it is not known whether the batch was committed, nothing is retried: a retry could store a version twice.
     */
    private void writeIsolatingFailures(List<Pending> batch) {
        try {
            write(batch);
        } catch (CommitOutcomeUnknownException e) {
            LOG.warnf("could not tell whether a batch of %d was committed: %s", batch.size(), e.getMessage());
            batch.forEach(pending -> pending.outcome.completeExceptionally(e));
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

    /**
     * Stores a batch: lock the feed, read the current versions of the batch's units (only the current ones, so the
     * cost does not grow with a unit's history), insert, commit; then answers every submission of it.
     */
    private void write(List<Pending> batch) throws SQLException {
        Set<String> units = new LinkedHashSet<>();
        Set<Integer> years = new LinkedHashSet<>();
        for (Pending p : batch) {
            units.add(p.submission.unitCode());
            years.add(p.submission.year());
            years.add(p.submission.year() - 1);
        }
        List<Decided> decided = new ArrayList<>(batch.size());
        WriteBatch plan = null;
        boolean committed = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long lastSeq = writes.lockFeed(connection);
                plan = new WriteBatch(writes.currentVersions(connection, units, years), lastSeq,
                        clock.instant().truncatedTo(ChronoUnit.SECONDS));
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
                committed = true;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                if (plan == null || plan.versions().isEmpty() || !committedAfterAll(plan, e)) {
                    throw e;
                }
                committed = true;
            } finally {
                resetQuietly(connection);
            }
        } catch (SQLException e) {
            // Closing the connection failed; what counts is whether the commit went through.
            if (!committed) {
                throw e;
            }
        }
        decided.forEach(Decided::deliver);
    }

    /**
     * Whether a batch whose commit reported a failure was committed after all (the server committed, then the
     * connection failed): its last version is stored under its feed position. Asked on a new connection.
     */
    private boolean committedAfterAll(WriteBatch plan, Exception failure) {
        NewVersion last = plan.versions().get(plan.versions().size() - 1);
        try (Connection connection = dataSource.getConnection()) {
            return writes.isStored(connection, last.feedSeq(), last.contentHash());
        } catch (SQLException | RuntimeException unknown) {
            throw new CommitOutcomeUnknownException(failure);
        }
    }

    private static Decided decide(WriteBatch plan, Pending pending) {
        try {
            return new Decided(pending, plan.add(pending.submission, pending.document, pending.caller, pending.origin), null);
        } catch (RuntimeException refused) {
            return new Decided(pending, null, refused);
        }
    }

    private static void resetQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debugf("resetting auto-commit failed: %s", e.getMessage());
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

    /** A submission waiting for the writer. Either the writer takes it or its timeout withdraws it, never both. */
    private static final class Pending {
        final ValidatedSubmission submission;
        final CanonicalDocument document;
        final Caller caller;
        final SubmissionOrigin origin;
        final CompletableFuture<StoreOutcome> outcome = new CompletableFuture<>();
        private final AtomicBoolean settled = new AtomicBoolean();

        Pending(ValidatedSubmission submission, CanonicalDocument document, Caller caller, SubmissionOrigin origin) {
            this.submission = submission;
            this.document = document;
            this.caller = caller;
            this.origin = origin;
        }

        /** True for the one caller (the writer, or the timeout) that decides what becomes of it. */
        boolean settle() {
            return settled.compareAndSet(false, true);
        }

        long bytes() {
            return document.utf8().length + origin.bytes();
        }
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

    /** The commit failed and the database could not be asked whether it went through: answered 503, not retried. */
    public static final class CommitOutcomeUnknownException extends RuntimeException {
        CommitOutcomeUnknownException(Exception cause) {
            super("the database did not confirm the write: it may be stored; retry, and an identical report is"
                    + " answered as a replay (" + cause.getMessage() + ")", cause);
        }
    }

    /** The database refused or lost a batch; nothing of it was stored. */
    static final class StoreFailedException extends RuntimeException {
        StoreFailedException(Exception cause) {
            super("storing the submission failed: " + cause.getMessage(), cause);
        }
    }
}
