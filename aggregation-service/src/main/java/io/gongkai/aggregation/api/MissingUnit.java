package io.gongkai.aggregation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A township or department without a report for the year.")
public record MissingUnit(@Schema(required = true) String code, @Schema(required = true) String name) {
}
