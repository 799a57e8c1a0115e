package io.gongkai.aggregation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gongkai.contracts.form.Severity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "One finding about one unit of the subtree.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckFinding(
        @Schema(required = true) String unitCode,
        @Schema(required = true) String unitName,
        @Schema(required = true) CheckCategory category,
        @Schema(description = "The form rule (R2.2, X1, X2, ...); absent for a missing report") String rule,
        @Schema(required = true) Severity severity,
        @Schema(description = "JSON pointers of the cells concerned", required = true) List<String> pointers,
        String expected,
        String actual,
        @Schema(required = true) String message) {
}
