package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A unit with the chain above it and the units directly below it.")
public record UnitDetail(
        @Schema(required = true) UnitSummary unit,
        @Schema(description = "The units above, from the nation down to the parent", required = true) List<UnitSummary> ancestors,
        @Schema(description = "The units directly below, by code", required = true) List<UnitSummary> children) {
}
