package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.AsOf;

import java.time.Instant;
import java.time.ZoneOffset;

/** How far the feed has been applied: what an answer reflects, and what its ETag is derived from. */
public record FeedPosition(int epoch, long cursor, Instant time) {

    public AsOf asOf() {
        return new AsOf(cursor, time.atOffset(ZoneOffset.UTC));
    }

    /** An entity tag that changes whenever the feed position does (a rebuild starts a new epoch). */
    public String etag(String... parts) {
        return String.join("-", parts) + "-e" + epoch + "-c" + cursor;
    }
}
