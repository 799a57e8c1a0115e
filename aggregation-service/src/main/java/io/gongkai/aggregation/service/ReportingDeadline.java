package io.gongkai.aggregation.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

/** The reporting deadline of a report year: the end of a day in the following year, in a given zone. */
public record ReportingDeadline(MonthDay day, ZoneId zone) {

    /** The last day on which a report for the year is on time. */
    public LocalDate lastDay(int reportYear) {
        return day.atYear(reportYear + 1);
    }

    /** True when a report first received at the instant is on time for the year. */
    public boolean onTime(int reportYear, Instant firstReceivedAt) {
        return firstReceivedAt.isBefore(lastDay(reportYear).plusDays(1).atStartOfDay(zone).toInstant());
    }
}
