package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of a rebuild from intake's feed.")
public record RebuildResult(
        @Schema(description = "Feed entries read and applied", required = true) int entries,
        @Schema(description = "The feed cursor reached", required = true) long cursor,
        @Schema(description = "The new epoch: totals computed after the rebuild carry it in their ETag", required = true) int epoch,
        @Schema(description = "Duration of the rebuild in milliseconds", required = true) long millis) {
}
