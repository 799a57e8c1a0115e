package io.gongkai.intake.api;

import io.gongkai.contracts.form.Finding;

import java.util.List;

/**
 * The outcome of a dry run that found nothing to stop acceptance (otherwise the answer is a problem).
 *
 * @param valid       always true in this answer
 * @param formVersion the form the report was read against
 * @param contentHash SHA-256 of the canonical report, as it would be stored
 * @param warnings    findings that would be kept with the version
 */
public record ValidationReport(boolean valid, String formVersion, String contentHash, List<Finding> warnings) {
}
