package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Findings over a unit's subtree for a year: warnings carried by the current reports, cross-year "
        + "breaks (X1, X2) against each unit's current report of the year before, and missing reports. Findings are "
        + "ordered by unit code within each category; at most gongkai.reporting.missing-limit (default 500) units "
        + "are listed per category, the counts are exact for missing units.")
public record Checks(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int year,
        @Schema(description = "Townships and departments without a report, exact", required = true) int missingCount,
        @Schema(required = true) List<CheckFinding> findings,
        @Schema(required = true) AsOf asOf) {
}
