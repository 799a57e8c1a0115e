package io.gongkai.intake.api;

import java.util.List;

/**
 * A page of a unit's versions for a year, oldest first.
 *
 * @param page  zero-based page index
 * @param size  page size asked for
 * @param total number of versions of the unit's report for the year
 */
public record VersionPage(List<SubmissionVersionView> items, int page, int size, long total) {
}
