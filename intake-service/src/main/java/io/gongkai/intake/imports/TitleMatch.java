package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.form.Finding;

import java.util.List;

/**
 * What a report's title says about whose report it is and for which year.
 *
 * @param title      the title line as found, or null when the document has none
 * @param year       the report year the title names, or null
 * @param division   the division the title names, when exactly one matches; null when none or several do
 * @param department the rest of the name after the division's (a department's name, e.g. 发展和改革局), or null
 * @param findings   why the unit or year could not be settled (pointers /unit/code, /year), never a guess
 */
public record TitleMatch(String title, Integer year, Division division, String department, List<Finding> findings) {

    public TitleMatch {
        findings = List.copyOf(findings);
    }
}
