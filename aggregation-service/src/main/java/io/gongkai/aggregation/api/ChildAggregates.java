package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One page of the children of a unit for a year: the table a district dashboard shows.")
public record ChildAggregates(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int year,
        @Schema(description = "The form of the children's totals: the year's form unless formVersion asked for another",
                required = true) String formVersion,
        @Schema(description = "The children on this page, by code; a child without reports has zero totals", required = true) List<ChildAggregate> children,
        @Schema(description = "Zero-based page index", required = true) int page,
        @Schema(description = "Page size asked for", required = true) int size,
        @Schema(description = "Number of children on all pages", required = true) long total,
        @Schema(required = true) AsOf asOf) {
}
