package io.gongkai.aggregation.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One child's totals and reporting status.")
public record ChildAggregate(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int reports,
        @Schema(ref = FormSchemaFilter.STATISTICS, required = true) ObjectNode totals,
        @Schema(required = true) ReportingStatus reporting) {
}
