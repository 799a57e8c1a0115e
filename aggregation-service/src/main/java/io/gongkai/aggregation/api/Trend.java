package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A unit's totals year by year, comparable across a change of form: every year is given in the keys "
        + "of one form, that of the last year. Cells that carry from an older form (the same keys of tables 三 and 四 and "
        + "of the decisions of table 二, and what forms/comparable.tsv maps) are filled; cells that do not are absent for "
        + "the years of the older form, never zero. A year without reports has zero totals.")
public record Trend(
        @Schema(required = true) UnitSummary unit,
        @Schema(required = true) int from,
        @Schema(required = true) int to,
        @Schema(description = "The form whose keys every year's totals are in: the form of the last year", required = true,
                example = "2021") String formVersion,
        @Schema(description = "One entry per year from 'from' to 'to'", required = true) List<YearTotals> years,
        @Schema(required = true) AsOf asOf) {
}
