package io.gongkai.aggregation.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "The totals of a unit's subtree for a year: every current report in it summed cell by cell, "
        + "exactly (the fee to its last decimal), in the shape of a submission's statistics.")
public record AggregateView(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int year,
        @Schema(description = "The form the totals follow: the year's form unless formVersion asked for another", required = true)
        String formVersion,
        @Schema(description = "Reports summed, governments' own reports included: those made in formVersion", required = true)
        int reports,
        @Schema(description = "Other forms some reports of the year were made in, each with a total of its own that is "
                + "not in these totals (cells of different forms are never added up); empty when every report of the "
                + "year is in formVersion", required = true)
        List<FormReports> otherForms,
        @Schema(ref = FormSchemaFilter.STATISTICS, required = true) ObjectNode totals,
        @Schema(description = "Who has reported, in whatever form", required = true) Reporting reporting,
        @Schema(required = true) AsOf asOf) {
}
