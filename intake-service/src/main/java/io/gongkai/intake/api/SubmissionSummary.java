package io.gongkai.intake.api;

import java.time.OffsetDateTime;

/** The current version of one unit's report for one year, without the figures. */
public record SubmissionSummary(String unitCode, String unitName, String parentCode, int year, int version,
        String formVersion, OffsetDateTime receivedAt, String contentHash, int warningCount) {
}
