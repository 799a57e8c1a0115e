package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.ExportsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exports that may stream at once ({@code gongkai.exports.max-concurrent}). A slot is taken before the answer
 * starts, so a refusal is a proper 503, and given back when the answer ends, however it ends.
 */
@ApplicationScoped
public class ExportSlots {

    private final Semaphore free;
    private final int slots;
    private final Duration retryAfter;

    @Inject
    public ExportSlots(ExportsConfig config) {
        this(config.maxConcurrent(), config.retryAfter());
    }

    ExportSlots(int slots, Duration retryAfter) {
        this.free = new Semaphore(slots);
        this.slots = slots;
        this.retryAfter = retryAfter;
    }

    /** A free slot, or {@link ExportsBusyException} at once when there is none. */
    public Slot take() {
        if (!free.tryAcquire()) {
            throw new ExportsBusyException(slots, retryAfter);
        }
        return new Slot();
    }

    /** Slots not taken now. */
    public int available() {
        return free.availablePermits();
    }

    /** One taken slot. Closing it gives it back; closing it again does nothing. */
    public final class Slot implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Slot() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                free.release();
            }
        }
    }
}
