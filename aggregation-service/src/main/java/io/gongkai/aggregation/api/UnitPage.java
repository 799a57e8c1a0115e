package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One page of the units directly below a unit, by code.")
public record UnitPage(
        @Schema(description = "The unit whose children these are; null when no parent was named (the top of the hierarchy)") UnitSummary parent,
        @Schema(description = "The units on this page, by code", required = true) List<UnitSummary> units,
        @Schema(description = "Zero-based page index", required = true) int page,
        @Schema(description = "Page size asked for", required = true) int size,
        @Schema(description = "Number of units on all pages", required = true) long total) {
}
