package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Units whose name contains the search text or whose code starts with it: the nation first, "
        + "then provinces, cities, counties, townships and departments, each level by code.")
public record UnitMatches(
        @Schema(description = "The search text as received", required = true) String q,
        @Schema(description = "At most 20 units, each with the chain above it", required = true) List<UnitMatch> units,
        @Schema(description = "True when more units match than are listed", required = true) boolean more) {

    @Schema(description = "A unit found by a search, with the units above it so that namesakes (many counties have "
            + "a 城关镇) can be told apart.")
    public record UnitMatch(
            @Schema(required = true) UnitSummary unit,
            @Schema(description = "The units above, from the nation down to the parent", required = true) List<UnitSummary> ancestors) {
    }
}
