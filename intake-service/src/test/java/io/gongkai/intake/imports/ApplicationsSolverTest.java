package io.gongkai.intake.imports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The solver of table 三 on figures that are not counts: it leaves them to validation and never fails on them. */
class ApplicationsSolverTest {

    private static final List<String> PATHS = List.of("applications.newReceived", "applications.carriedOver",
            "applications.results.total", "applications.results.granted", "applications.results.other",
            "applications.carriedForward");

    @Test
    void aFractionInACountIsLeftOutOfTheRules() {
        List<List<BigDecimal[]>> readings = new ArrayList<>();
        readings.add(readings("3"));
        readings.add(readings("0"));
        readings.add(readings("3"));
        readings.add(readings("1.5", "2"));
        readings.add(readings("1"));
        readings.add(readings("0"));

        ApplicationsSolver.Outcome outcome = ApplicationsSolver.settle(readings, PATHS);

        assertThat(outcome.rulesBroken()).isFalse();
        assertThat(outcome.remaining().get(3).stream().boxed().toList())
                .as("the fraction is unknown to the rules, so both readings stay possible").containsExactly(0, 1);
    }

    @Test
    void aFigureLargerThanAnyCountDoesNotOverflowTheSums() {
        List<List<BigDecimal[]>> readings = new ArrayList<>();
        readings.add(readings("9223372036854775807"));
        readings.add(readings("9223372036854775807"));
        readings.add(readings("1"));
        readings.add(readings("1"));
        readings.add(readings("0"));
        readings.add(readings("0"));

        ApplicationsSolver.Outcome outcome = ApplicationsSolver.settle(readings, PATHS);

        assertThat(outcome.rulesBroken()).isFalse();
    }

    @Test
    void readingsThatBreakTheRulesAreSaidToBreakThem() {
        List<List<BigDecimal[]>> readings = new ArrayList<>();
        readings.add(readings("3"));
        readings.add(readings("0"));
        readings.add(readings("3"));
        readings.add(readings("1"));
        readings.add(readings("1"));
        readings.add(readings("0"));

        assertThat(ApplicationsSolver.settle(readings, PATHS).rulesBroken()).isTrue();
    }

    /** The readings of a one-column row, one figure each. */
    private static List<BigDecimal[]> readings(String... figures) {
        List<BigDecimal[]> readings = new ArrayList<>();
        for (String figure : figures) {
            readings.add(new BigDecimal[]{new BigDecimal(figure)});
        }
        return readings;
    }
}
