package io.gongkai.contracts.form;

import java.util.List;
import java.util.Optional;

/** Every form version the system knows, and which one a report year uses by default. */
public final class Forms {

    private static final List<FormDefinition> ALL = List.of(Form2019.load(), Form2021.load());

    private Forms() {
    }

    public static List<FormDefinition> all() {
        return ALL;
    }

    public static Optional<FormDefinition> byVersion(String version) {
        return ALL.stream().filter(f -> f.version().equals(version)).findFirst();
    }

    /** The form in force for a report year: the newest one whose first report year is not after it. */
    public static Optional<FormDefinition> forYear(int reportYear) {
        return ALL.stream().filter(f -> f.firstReportYear() <= reportYear)
                .max(java.util.Comparator.comparingInt(FormDefinition::firstReportYear));
    }

    /** The last report year a form is in force for: the year before the next form's first; none for the newest. */
    public static Optional<Integer> lastReportYear(FormDefinition form) {
        return ALL.stream().map(FormDefinition::firstReportYear).filter(first -> first > form.firstReportYear())
                .min(Integer::compare).map(first -> first - 1);
    }

    /** The first report year any form covers: reports for earlier years are not accepted. */
    public static int firstReportYear() {
        return ALL.stream().mapToInt(FormDefinition::firstReportYear).min().orElseThrow();
    }

    /** The form of a version the caller knows exists, e.g. one named by a stored report. */
    public static FormDefinition require(String version) {
        return byVersion(version).orElseThrow(() -> new IllegalArgumentException("no form version " + version));
    }
}
