package io.gongkai.intake.service;

import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.intake.validation.ValidatedSubmission;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The warnings a version is accepted with: its own, and the cross-year ones against the year before. */
final class AcceptanceWarnings {

    private AcceptanceWarnings() {
    }

    /**
     * @param previousForm   the form of the unit's current report of the year before, or null when there is none
     * @param previousValues that report's figures, read only when a cross-year rule of the submission's form compares
     *                       it with a report in the previous one's form (X1 does across 2020→2021; X2 does not)
     */
    static List<Finding> of(ValidatedSubmission submission, String previousForm, Supplier<CellValues> previousValues) {
        List<Finding> warnings = new ArrayList<>(submission.warnings());
        FormDefinition form = submission.form();
        FormDefinition before = previousForm == null ? null : Forms.byVersion(previousForm).orElse(null);
        if (before != null && form.rules().stream().anyMatch(rule -> rule.compares(form, before))) {
            warnings.addAll(RuleEvaluator.crossYear(submission.values(), previousValues.get(), submission.level()));
        }
        return warnings;
    }
}
