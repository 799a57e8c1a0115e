package io.gongkai.contracts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One accepted version in intake's change feed.
 *
 * @param cursor      position in the feed; strictly increasing, in the order versions became visible
 * @param unitCode    the reporting unit
 * @param year        the report year
 * @param version     1 for the first report of the unit and year, n+1 for each correction
 * @param formVersion the form the report uses
 * @param contentHash SHA-256 of the canonical report
 * @param receivedAt  when intake accepted this version
 * @param warnings    the warnings found on acceptance
 * @param submission  the report as accepted (canonical form)
 */
public record FeedEntry(
        long cursor,
        String unitCode,
        int year,
        int version,
        String formVersion,
        String contentHash,
        OffsetDateTime receivedAt,
        List<Finding> warnings,
        @Schema(ref = FormSchemaFilter.SUBMISSION) ObjectNode submission) {
}
