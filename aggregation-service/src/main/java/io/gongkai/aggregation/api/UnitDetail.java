package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A unit with the chain above it and how many units are directly below it "
        + "(listed, a page at a time, by /api/v1/units?parent={code}).")
public record UnitDetail(
        @Schema(required = true) UnitSummary unit,
        @Schema(description = "The units above, from the nation down to the parent", required = true) List<UnitSummary> ancestors,
        @Schema(description = "Number of units directly below", required = true) long childCount) {
}
