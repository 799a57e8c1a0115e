package io.gongkai.aggregation.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A unit's totals for one year of a trend: the reports of that year made in the year's form, in "
        + "the keys of the trend's form.")
public record YearTotals(
        @Schema(required = true) int year,
        @Schema(description = "The form of this year's reports whose total this is (the year's form)", required = true)
        String formVersion,
        @Schema(description = "Reports in this total, governments' own reports included", required = true) int reports,
        @Schema(description = "Other forms some reports of this year were made in, each with a total of its own that is "
                + "not in this one; empty when every report of the year is in its form", required = true)
        List<FormReports> otherForms,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, required = true, description = "The total nested like a submission's statistics "
                + "in the trend's form (formVersion of the trend). A cell this year's form has nothing comparable for is "
                + "left out, never zero (listed in absent). When the trend spans two forms it also carries the rows one "
                + "form keeps whole and the other splits, as sums: 2019's applications.results.other.<column> (（六）其他处理) "
                + "against the sum of 2021's overdueCorrection, overdueFee and other rows.")
        ObjectNode totals,
        @Schema(description = "JSON pointers of the trend's cells this year has no comparable figure for", required = true)
        List<String> absent,
        @Schema(description = "JSON pointers of the figures read from other cells of this year's form: a sum of rows, or "
                + "2019's 规章 本年新制作数量 as 2021's 本年制发件数 (approximately comparable)", required = true)
        List<String> derived,
        @Schema(description = "Who has reported, in whatever form", required = true) ReportingStatus reporting) {
}
