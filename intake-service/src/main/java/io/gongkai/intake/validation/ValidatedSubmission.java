package io.gongkai.intake.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.GovernmentLevel;

import java.util.List;

/**
 * A submission read against its form: the unit, the numbers and every finding (errors and warnings) that can
 * be told from the submission alone.
 */
public record ValidatedSubmission(String unitCode, String unitName, String parentCode, GovernmentLevel level,
        int year, FormDefinition form, CellValues values, ObjectNode text, List<Finding> findings) {

    public ValidatedSubmission {
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }
}
