package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One row per child of a unit for a year: the table a district dashboard shows.")
public record ChildAggregates(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int year,
        @Schema(required = true) String formVersion,
        @Schema(description = "Every child, by code; a child without reports has zero totals", required = true) List<ChildAggregate> children,
        @Schema(required = true) AsOf asOf) {
}
