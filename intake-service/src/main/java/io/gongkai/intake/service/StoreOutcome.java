package io.gongkai.intake.service;

import io.gongkai.intake.api.SubmissionReceipt;

/**
 * What storing a submission did.
 *
 * @param created true for a new version, false for an identical replay of the current one
 */
public record StoreOutcome(SubmissionReceipt receipt, boolean created) {
}
