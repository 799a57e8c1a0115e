package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.repository.ReportingUnitLine;

/**
 * A township or department with its current report of a year (if any) and the governments above it; a level the
 * unit has no government at (a township directly under a city, a province's own department) is null.
 */
public record ReportingUnitRow(ReportingUnitLine unit, UnitSummary province, UnitSummary city, UnitSummary county) {
}
