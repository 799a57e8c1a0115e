package io.gongkai.intake.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored version of a unit's report, as accepted.
 *
 * @param origin     API for a client's JSON; IMPORT for a version read from a published report, whose document
 *                   auditors read at .../versions/{version}/document
 * @param submission the report in canonical form
 */
public record SubmissionVersionView(String unitCode, int year, int version, String formVersion,
        OffsetDateTime receivedAt, String contentHash,
        @Schema(description = "API (a client's JSON) or IMPORT (read from a published report; its document is kept)",
                enumeration = {"API", "IMPORT"}) String origin,
        List<Finding> warnings,
        @Schema(ref = FormSchemaFilter.SUBMISSION) ObjectNode submission) {
}
