package io.gongkai.contracts.form;

import java.util.List;
import java.util.Optional;

/** Every form version the system knows, and which one a report year uses by default. */
public final class Forms {

    private static final List<FormDefinition> ALL = List.of(Form2021.load());

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

    /** The 2021 format. */
    public static FormDefinition v2021() {
        return byVersion(Form2021.VERSION).orElseThrow();
    }
}
