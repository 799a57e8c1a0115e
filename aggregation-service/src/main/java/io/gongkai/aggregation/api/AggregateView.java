package io.gongkai.aggregation.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The totals of a unit's subtree for a year: every current report in it summed cell by cell, "
        + "exactly (the fee to its last decimal), in the shape of a submission's statistics.")
public record AggregateView(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int year,
        @Schema(description = "The form the totals follow", required = true) String formVersion,
        @Schema(description = "Reports summed, governments' own reports included", required = true) int reports,
        @Schema(ref = FormSchemaFilter.STATISTICS, required = true) ObjectNode totals,
        @Schema(required = true) Reporting reporting,
        @Schema(required = true) AsOf asOf) {
}
