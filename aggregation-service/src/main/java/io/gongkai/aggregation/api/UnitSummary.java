package io.gongkai.aggregation.api;

import io.gongkai.aggregation.model.UnitKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A unit of the hierarchy: the nation (CN), a division (2, 4, 6 or 9 digits) or a department "
        + "registered from its submissions.")
public record UnitSummary(
        @Schema(description = "Unit code: CN, a division code, or a department's own code", required = true) String code,
        @Schema(description = "Registered name", required = true) String name,
        @Schema(description = "What the unit is; townships and departments are the units expected to report", required = true) UnitKind kind,
        @Schema(description = "The unit above it; null for the nation") String parentCode,
        @Schema(description = "Townships and registered departments in its subtree (itself included when it is one)", required = true) int expected) {
}
