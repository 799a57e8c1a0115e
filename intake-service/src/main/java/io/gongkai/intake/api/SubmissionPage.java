package io.gongkai.intake.api;

import java.util.List;

/**
 * A page of current versions.
 *
 * @param page  zero-based page index
 * @param size  page size asked for
 * @param total number of current versions matching the query
 */
public record SubmissionPage(List<SubmissionSummary> items, int page, int size, long total) {
}
