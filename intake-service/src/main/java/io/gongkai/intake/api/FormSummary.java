package io.gongkai.intake.api;

import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;

/**
 * A form version in the list of forms.
 *
 * @param firstReportYear the first report year that uses it by default
 * @param lastReportYear  the last one; null while it is the newest form
 * @param cellCount       how many cells a report in it gives
 */
public record FormSummary(String version, String title, int firstReportYear, Integer lastReportYear, int cellCount) {

    public static FormSummary of(FormDefinition form) {
        return new FormSummary(form.version(), form.title(), form.firstReportYear(),
                Forms.lastReportYear(form).orElse(null), form.cells().size());
    }
}
