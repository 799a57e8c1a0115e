package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A form some reports of the year were made in besides the one answered, with a total of its own.")
public record FormReports(
        @Schema(description = "The form version; ask with formVersion=<this> for its total", required = true, example = "2019")
        String formVersion,
        @Schema(description = "Reports in this form's total, governments' own reports included", required = true) int reports) {
}
