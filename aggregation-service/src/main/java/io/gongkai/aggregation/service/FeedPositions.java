package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.ReadsConfig;
import io.gongkai.aggregation.model.FollowerState;
import io.gongkai.aggregation.repository.FollowerStateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The feed position answers reflect, read from the database at most once per {@code gongkai.reads.position-ttl}
 * and at once after this instance applies a page, so that a read of cached totals needs no database at all.
 * Another instance's progress shows within the time to live. One reader refreshes an expired position while the
 * others go on with the one they have, so that a busy dashboard does not send every request to the database at
 * once when it expires.
 */
@ApplicationScoped
public class FeedPositions {

    private final FollowerStateRepository states;
    private final long ttlNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile FeedPosition latest;
    private volatile long readAt;

    public FeedPositions(FollowerStateRepository states, ReadsConfig config) {
        this.states = states;
        this.ttlNanos = config.positionTtl().toNanos();
    }

    public FeedPosition current() {
        FeedPosition position = latest;
        if (position == null) {
            return read();
        }
        if (System.nanoTime() - readAt > ttlNanos && refreshing.compareAndSet(false, true)) {
            try {
                return read();
            } finally {
                refreshing.set(false);
            }
        }
        return position;
    }

    /** The position when it is known and within its time to live, without the database; else null. */
    public FeedPosition currentIfFresh() {
        FeedPosition position = latest;
        return position != null && System.nanoTime() - readAt <= ttlNanos ? position : null;
    }

    private FeedPosition read() {
        long now = System.nanoTime();
        FollowerState state = QuarkusTransaction.joiningExisting().call(states::current);
        FeedPosition position = new FeedPosition(state.epoch, state.feedCursor, state.updatedAt);
        latest = position;
        readAt = now;
        return position;
    }

    /** This instance applied a page or reset the totals: the next read goes to the database. */
    public void changed() {
        latest = null;
    }
}
