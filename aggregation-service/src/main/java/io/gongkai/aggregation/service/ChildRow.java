package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.ReportingStatus;
import io.gongkai.aggregation.api.UnitSummary;

/** One row of a children table: a child, its subtree's totals and who in it has reported. */
public record ChildRow(UnitSummary unit, Totals totals, ReportingStatus reporting) {
}
