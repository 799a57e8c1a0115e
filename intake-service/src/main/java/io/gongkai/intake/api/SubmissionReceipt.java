package io.gongkai.intake.api;

import io.gongkai.contracts.form.Finding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What intake answers to a submission: the version it is now stored as.
 *
 * @param unitCode    the reporting unit
 * @param year        the report year
 * @param version     1 for the first report, n+1 for each correction; an identical replay answers the stored one
 * @param receivedAt  when that version was accepted
 * @param contentHash SHA-256 of the canonical report
 * @param warnings    findings that do not stop acceptance (R2.2, X1, X2, NAME, TEXT.*)
 */
public record SubmissionReceipt(String unitCode, int year, int version, OffsetDateTime receivedAt, String contentHash,
        List<Finding> warnings) {
}
