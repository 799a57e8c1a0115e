package io.gongkai.aggregation.service;

import io.gongkai.contracts.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A trend covers at most ten years between the first form and next year; each refusal names its parameter. */
class TrendRangeTest {

    static final int FIRST = 2021;
    static final int LAST = 2040;

    @Test
    void tenYearsFromTheFirstFormAreOneTrend() {
        assertThat(TrendRange.of(2021, 2030, FIRST, LAST)).isEqualTo(new TrendRange(2021, 2030));
        assertThat(TrendRange.of(2031, 2040, FIRST, LAST)).isEqualTo(new TrendRange(2031, 2040));
        assertThat(TrendRange.of(2024, 2024, FIRST, LAST)).isEqualTo(new TrendRange(2024, 2024));
    }

    @Test
    void elevenYearsAreRefusedNamingTo() {
        assertRefused(2021, 2031, "to", "at most 2030: a trend covers at most 10 years");
        assertRefused(2021, 2070, "to", "a year from 2021 (from) to 2040");
    }

    @Test
    void yearsBeforeTheFirstFormOrAfterNextYearAreRefused() {
        assertRefused(2020, 2023, "from", "a year from 2021 (the first form) to 2040");
        assertRefused(1900, 1905, "from", "a year from 2021 (the first form) to 2040");
        assertRefused(2041, 2041, "from", "a year from 2021 (the first form) to 2040");
        assertRefused(2039, 2041, "to", "a year from 2039 (from) to 2040");
    }

    @Test
    void aReversedRangeIsRefusedNamingTo() {
        assertRefused(2024, 2023, "to", "a year from 2024 (from) to 2040");
    }

    private static void assertRefused(int from, int to, String parameter, String expected) {
        assertThatThrownBy(() -> TrendRange.of(from, to, FIRST, LAST)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.getMessage()).startsWith(parameter + " must be ");
                });
    }
}
