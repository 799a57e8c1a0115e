package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.FeedConfig;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How this instance's follower is doing, as its readiness check and its metrics tell: how far it has applied the
 * feed, how far intake's feed reaches (as intake said at its last answer), whether it is behind, whether a page keeps failing and
 * whether intake can be reached. Written by the follower's thread, read by anyone.
 */
@ApplicationScoped
public class FeedProgress {

    private static final Logger LOG = Logger.getLogger(FeedProgress.class);

    /** What the follower is doing, in the order a reader should worry about it. */
    public enum State {
        /** Applied everything intake had at its last answer. */
        FOLLOWING,
        /** Pages come back full: a backlog is being applied. */
        CATCHING_UP,
        /** Intake cannot be read; the totals stand as they are and the follower retries. */
        INTAKE_UNREACHABLE,
        /** A page failed to apply and is retried; not yet for long. */
        RETRYING,
        /** A page has failed to apply for longer than allowed: the totals no longer follow the feed. */
        STUCK
    }

    /** A moment's view; times are null when they do not apply. */
    public record Snapshot(State state, long cursor, long head, long entriesApplied, long secondsBehind,
            int consecutiveFailures, Long failingPosition, String error, Instant failingSince, Instant intakeUnreachableSince,
            String intakeError) {
    }

    private final int stuckAttempts;
    private final Duration stuckAfter;
    private final Instant started = Instant.now();

    private long cursor;
    /** The furthest position intake has said its feed reaches. */
    private long head;
    private long entriesApplied;
    private boolean fullPage;
    private Instant caughtUpAt;
    /** When the oldest version known not to be applied yet was received by intake. */
    private Instant oldestPending;
    private int consecutiveFailures;
    private Long failingPosition;
    private String error;
    private Instant failingSince;
    private Instant intakeUnreachableSince;
    private String intakeError;

    public FeedProgress(FeedConfig config) {
        this.stuckAttempts = config.stuckAttempts();
        this.stuckAfter = config.stuckAfter();
    }

    /** The cursor stored when the follower starts a round. */
    public synchronized void at(long storedCursor) {
        cursor = storedCursor;
    }

    /** Intake answered with a page. */
    public synchronized void read(FeedPage page) {
        if (intakeUnreachableSince != null) {
            LOG.infof("intake's feed is reachable again after %s", since(intakeUnreachableSince));
        }
        intakeUnreachableSince = null;
        intakeError = null;
        head = Math.max(head, Math.max(page.head(), page.next()));
        if (oldestPending == null && !page.entries().isEmpty()) {
            oldestPending = receivedAt(page.entries().get(0));
        }
    }

    /** A page was applied (or found applied already); the stored cursor is now {@code storedCursor}. */
    public synchronized void applied(FeedPage page, boolean full, long storedCursor, int versions) {
        if (failingPosition != null) {
            LOG.infof("the feed page at %d applied after %d failed attempts over %s", failingPosition,
                    consecutiveFailures, since(failingSince));
        }
        cursor = storedCursor;
        entriesApplied += versions;
        consecutiveFailures = 0;
        failingPosition = null;
        error = null;
        failingSince = null;
        fullPage = full;
        List<FeedEntry> entries = page.entries();
        if (full) {
            // The next version was received no earlier than the last one applied.
            oldestPending = receivedAt(entries.get(entries.size() - 1));
        } else {
            oldestPending = null;
            caughtUpAt = Instant.now();
        }
    }

    /** Applying a page read after {@code after} failed; the follower will read and apply it again. */
    public synchronized void applyFailed(long after, FeedPage page, RuntimeException failure) {
        long position = page.entries().isEmpty() ? after + 1 : page.entries().get(0).cursor();
        boolean samePage = failingPosition != null && failingPosition == position;
        consecutiveFailures = samePage ? consecutiveFailures + 1 : 1;
        failingSince = samePage ? failingSince : Instant.now();
        failingPosition = position;
        error = String.valueOf(failure);
        if (consecutiveFailures == 1) {
            LOG.errorf(failure, "applying the feed page at %d (after cursor %d) failed; it will be retried", position, after);
        } else if (consecutiveFailures == stuckAttempts) {
            LOG.errorf("the feed page at %d has failed %d times since %s, the totals no longer follow the feed: %s",
                    position, consecutiveFailures, failingSince, error);
        } else {
            LOG.debugf("the feed page at %d failed again (%d): %s", position, consecutiveFailures, error);
        }
    }

    /** Intake could not be read. */
    public synchronized void intakeUnreachable(String message) {
        if (intakeUnreachableSince == null) {
            intakeUnreachableSince = Instant.now();
            LOG.warnf("intake's feed is unavailable, retrying: %s", message);
        }
        intakeError = message;
    }

    public synchronized Snapshot snapshot() {
        Instant now = Instant.now();
        return new Snapshot(state(now), cursor, Math.max(head, cursor), entriesApplied, secondsBehind(now),
                consecutiveFailures, failingPosition, error, failingSince, intakeUnreachableSince, intakeError);
    }

    private State state(Instant now) {
        if (failingPosition != null) {
            boolean tooLong = Duration.between(failingSince, now).compareTo(stuckAfter) >= 0;
            return consecutiveFailures >= stuckAttempts || tooLong ? State.STUCK : State.RETRYING;
        }
        if (intakeUnreachableSince != null) {
            return State.INTAKE_UNREACHABLE;
        }
        return fullPage ? State.CATCHING_UP : State.FOLLOWING;
    }

    /**
     * How old the totals are against intake, as far as this instance knows: 0 right after applying a page that was
     * not full (nothing more was waiting); else the age of the oldest version not yet applied; else (intake cannot
     * be read) the time since the follower last caught up.
     */
    private long secondsBehind(Instant now) {
        Instant since;
        if (oldestPending != null) {
            since = oldestPending;
        } else if (intakeUnreachableSince != null || failingPosition != null || caughtUpAt == null) {
            since = caughtUpAt == null ? started : caughtUpAt;
        } else {
            return 0;
        }
        return Math.max(0, Duration.between(since, now).toSeconds());
    }

    private static Instant receivedAt(FeedEntry entry) {
        return entry.receivedAt() == null ? Instant.now() : entry.receivedAt().toInstant();
    }

    private static String since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() + " ms";
    }
}
