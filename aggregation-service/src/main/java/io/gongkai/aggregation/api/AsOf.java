package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "The state of intake's feed an answer reflects.")
public record AsOf(
        @Schema(description = "The cursor of the last feed entry applied", required = true) long cursor,
        @Schema(description = "When that entry was applied (before any entry: when the database was created or last rebuilt)", required = true) OffsetDateTime time) {
}
