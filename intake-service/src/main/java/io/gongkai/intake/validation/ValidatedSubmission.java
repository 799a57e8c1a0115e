package io.gongkai.intake.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.GovernmentLevel;

import java.util.List;
import java.util.Map;

/**
 * A submission read against its form: the unit, the numbers and every finding (errors and warnings) that can
 * be told from the submission alone. Amounts whose unit the report gives are also kept as given
 * ({@code statedAmounts}, by cell key), since the figures hold them in 万元.
 */
public record ValidatedSubmission(String unitCode, String unitName, String parentCode, GovernmentLevel level,
        int year, FormDefinition form, CellValues values, Map<String, ObjectNode> statedAmounts, ObjectNode text,
        List<Finding> findings) {

    public ValidatedSubmission {
        statedAmounts = Map.copyOf(statedAmounts);
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }
}
