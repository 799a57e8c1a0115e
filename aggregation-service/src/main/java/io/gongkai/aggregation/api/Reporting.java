package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "Who in the subtree has reported. Townships and registered departments are expected to report; "
        + "a government's own report (e.g. a county's 6-digit report) counts in the totals but not here. "
        + "A report is on time when its first version was accepted by the end of the deadline day (Asia/Shanghai "
        + "by default); a correction does not change that.")
public record Reporting(
        @Schema(description = "Townships and registered departments in the subtree", required = true) int expected,
        @Schema(description = "Those of them with a report for the year", required = true) int received,
        @Schema(description = "expected - received, always exact", required = true) int missingCount,
        @Schema(description = "Code and name of each unit without a report, walking the hierarchy in "
                + "code order (divisions come out sorted by code; a department follows its government); at most "
                + "gongkai.reporting.missing-limit (default 500) entries, missingCount is exact", required = true) List<MissingUnit> missing,
        @Schema(description = "Received reports whose first version came by the deadline", required = true) int onTime,
        @Schema(description = "Received reports whose first version came after the deadline", required = true) int late,
        @Schema(description = "The last day on which a report for the year is on time", required = true) LocalDate deadline) {
}
