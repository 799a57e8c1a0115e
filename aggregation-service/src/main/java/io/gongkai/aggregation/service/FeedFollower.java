package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.RebuildResult;
import io.gongkai.aggregation.client.IntakeFeedClient;
import io.gongkai.aggregation.client.IntakeUnavailableException;
import io.gongkai.aggregation.config.FeedConfig;
import io.gongkai.contracts.api.FeedPage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows intake's feed: polls every {@code gongkai.feed.poll-interval}, and while pages come back full reads the
 * next one at once, so that a backlog (after downtime) is caught up at full speed. Intake being down, or a page that
 * fails to apply, is retried at the next poll; it never stops the service. {@link FeedProgress} keeps what happened
 * for the readiness check and the metrics, and logs each outage and failing page once.
 */
@ApplicationScoped
public class FeedFollower {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);
    /** Pages at least this big are logged with their timings (a catch-up or a rebuild, not the trickle). */
    private static final int LOGGED_PAGE = 100;

    private final IntakeFeedClient intake;
    private final RollupService rollup;
    private final HierarchyService hierarchy;
    private final FeedConfig config;
    private final FeedPositions positions;
    private final FeedProgress progress;
    /** One reader of the feed per instance: the poller and a rebuild take turns. */
    private final ReentrantLock reading = new ReentrantLock();
    /** Reads the next page from intake while the current one is applied. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "feed-reader");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledExecutorService poller;

    public FeedFollower(IntakeFeedClient intake, RollupService rollup, HierarchyService hierarchy, FeedConfig config,
            FeedPositions positions, FeedProgress progress) {
        this.positions = positions;
        this.progress = progress;
        this.intake = intake;
        this.rollup = rollup;
        this.hierarchy = hierarchy;
        this.config = config;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        hierarchy.loadDivisions();
        if (config.enabled()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "feed-follower"));
            poller.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.shutdownNow();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
        reader.shutdownNow();
    }

    private void poll() {
        try {
            catchUp();
        } catch (IntakeUnavailableException e) {
            if (!Thread.currentThread().isInterrupted()) {
                progress.intakeUnreachable(e.getMessage());
            }
        } catch (ApplyFailedException e) {
            // recorded and logged by FeedProgress; the page is read and applied again at the next poll
        } catch (RuntimeException e) {
            LOG.error("following intake's feed failed; retrying at the next poll", e);
        }
    }

    /**
     * Applies feed pages until one comes back not full; returns the number of versions applied. While a full page
     * is applied the next one is already read, so that a backlog is caught up at the pace of the slower of the two.
     */
    public int catchUp() {
        reading.lock();
        try {
            int applied = 0;
            long after = rollup.cursor();
            progress.at(after);
            Read read = read(after);
            while (true) {
                long waiting = System.nanoTime();
                FeedPage page = read.page();
                long waited = (System.nanoTime() - waiting) / 1_000_000;
                progress.read(page);
                boolean full = page.more() || page.entries().size() >= config.pageSize();
                Read next = full ? read(page.next()) : null;
                long start = System.nanoTime();
                RollupService.Applied batch = apply(after, page);
                progress.applied(page, full, batch.cursor(), batch.versions());
                if (batch.cursor() != after) {
                    positions.changed(); // an empty poll changes nothing: readers keep their cached answers
                }
                applied += batch.versions();
                if (page.entries().size() >= LOGGED_PAGE) {
                    LOG.infof("applied %d of %d feed entries up to cursor %d: waited %d ms for the page, applied in %d ms",
                            batch.versions(), page.entries().size(), batch.cursor(), waited,
                            (System.nanoTime() - start) / 1_000_000);
                }
                if (next == null) {
                    return applied;
                }
                after = batch.cursor();
                // The page is dropped when another instance or a rebuild moved the cursor: read from where it is.
                read = next.after() == after ? next : read(after);
            }
        } finally {
            reading.unlock();
        }
    }

    private RollupService.Applied apply(long after, FeedPage page) {
        try {
            return rollup.apply(after, page);
        } catch (RuntimeException e) {
            progress.applyFailed(after, page, e);
            throw new ApplyFailedException(e);
        }
    }

    /** A page failed to apply; {@link FeedProgress} has it. */
    static final class ApplyFailedException extends RuntimeException {
        ApplyFailedException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Read read(long after) {
        return new Read(after, CompletableFuture.supplyAsync(() -> intake.page(after, config.pageSize()), reader));
    }

    /** A page being read from intake on the reader thread. */
    private record Read(long after, CompletableFuture<FeedPage> reading) {

        FeedPage page() {
            try {
                return reading.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Forgets every report and total and re-reads the whole feed; returns when the feed is caught up. */
    public RebuildResult rebuild() {
        reading.lock();
        try {
            long start = System.nanoTime();
            int epoch = rollup.reset();
            positions.changed();
            int applied = catchUp();
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("rebuilt the totals from %d feed versions in %d ms", applied, millis);
            return new RebuildResult(applied, rollup.cursor(), epoch, millis);
        } finally {
            reading.unlock();
        }
    }
}
