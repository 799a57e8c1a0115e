package io.gongkai.intake.api;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of the feed in the shape of {@link io.gongkai.contracts.api.FeedPage}, written from the stored JSON as it
 * is: each report and its warnings are already canonical JSON, so they are copied into the answer instead of being
 * parsed and written again (the report as the UTF-8 bytes read from the database).
 */
public record StoredFeedPage(List<Entry> entries, long next, boolean more, long head) {

    /** One version, in the shape of {@link io.gongkai.contracts.api.FeedEntry}. */
    public record Entry(long cursor, String unitCode, int year, int version, String formVersion, String contentHash,
            OffsetDateTime receivedAt, @JsonRawValue String warnings, Utf8Json submission) {
    }
}
