package io.gongkai.aggregation.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline closes at the end of 31 January in Beijing time, which is 16:00 UTC that day. */
class ReportingDeadlineTest {

    final ReportingDeadline deadline = new ReportingDeadline(MonthDay.of(1, 31), ZoneId.of("Asia/Shanghai"));

    @Test
    void aReportOfTheLastBeijingSecondIsOnTimeAndOfTheNextLate() {
        assertThat(deadline.lastDay(2023)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(deadline.onTime(2023, Instant.parse("2024-01-31T15:59:59Z"))).isTrue();
        assertThat(deadline.onTime(2023, Instant.parse("2024-01-31T15:59:59.999Z"))).isTrue();
        assertThat(deadline.onTime(2023, Instant.parse("2024-01-31T16:00:00Z"))).isFalse();
    }

    @Test
    void theUtcDayOfTheDeadlineDoesNotDecide() {
        assertThat(deadline.onTime(2023, Instant.parse("2024-01-31T23:00:00Z"))).as("1 February in Beijing").isFalse();
        assertThat(deadline.onTime(2023, Instant.parse("2024-01-30T17:00:00Z"))).as("31 January in Beijing").isTrue();
    }

    @Test
    void aReportBeforeItsYearEndsIsOnTime() {
        assertThat(deadline.onTime(2023, Instant.parse("2023-12-31T16:00:00Z"))).isTrue();
    }
}
