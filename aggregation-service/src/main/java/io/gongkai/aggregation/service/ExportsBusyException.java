package io.gongkai.aggregation.service;

import java.time.Duration;

/** Every export slot is taken: the request is refused at once (503) rather than queued. */
public class ExportsBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ExportsBusyException(int slots, Duration retryAfter) {
        super("all " + slots + " export slots are streaming; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
