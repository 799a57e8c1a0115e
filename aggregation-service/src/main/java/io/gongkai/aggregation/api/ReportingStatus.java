package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Reporting counts of a subtree, without the list of missing units (see Reporting).")
public record ReportingStatus(
        @Schema(required = true) int expected,
        @Schema(required = true) int received,
        @Schema(required = true) int missingCount,
        @Schema(required = true) int onTime,
        @Schema(required = true) int late,
        @Schema(required = true) LocalDate deadline) {
}
