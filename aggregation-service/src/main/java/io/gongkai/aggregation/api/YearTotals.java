package io.gongkai.aggregation.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A unit's totals for one year of a trend.")
public record YearTotals(
        @Schema(required = true) int year,
        @Schema(required = true) String formVersion,
        @Schema(required = true) int reports,
        @Schema(ref = FormSchemaFilter.STATISTICS, required = true) ObjectNode totals,
        @Schema(required = true) ReportingStatus reporting) {
}
