package io.gongkai.intake.service;

import io.gongkai.intake.repository.FeedRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives committed versions their feed positions. Runs right after each accepted submission (coalesced on one
 * thread) and every second as a safety net, e.g. for versions another instance or a crash left queued.
 */
@ApplicationScoped
public class FeedSequencer {

    private static final Logger LOG = Logger.getLogger(FeedSequencer.class);
    static final int BATCH_SIZE = 500;

    private final FeedRepository feed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "feed-sequencer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public FeedSequencer(FeedRepository feed) {
        this.feed = feed;
    }

    /** Asks for a run soon; many nudges while one is pending make one run. */
    public void nudge() {
        if (!worker.isShutdown() && scheduled.compareAndSet(false, true)) {
            worker.execute(this::drainQuietly);
        }
    }

    @Scheduled(every = "${gongkai.intake.sequencer-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        nudge();
    }

    private void drainQuietly() {
        scheduled.set(false);
        try {
            while (sequenceBatch() == BATCH_SIZE) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("feed sequencing failed; it is retried on the next run", e);
        }
    }

    private int sequenceBatch() {
        return QuarkusTransaction.requiringNew().call(() -> feed.sequencePending(BATCH_SIZE));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }
}
