package io.gongkai.contracts.form;

import java.util.List;

/**
 * A rule of the form (勾稽关系 and plausibility checks), as a list of equations that must all hold.
 *
 * @param id        stable id, e.g. R3.1
 * @param severity  error (rejects) or warning (accepted and kept)
 * @param statement what the rule says, in words
 * @param standing  where the rule comes from
 * @param appliesTo which units it speaks about
 * @param equations the equalities it checks
 */
public record Rule(String id, Severity severity, String statement, String standing, Applicability appliesTo,
        List<Equation> equations) {

    public Rule {
        equations = List.copyOf(equations);
    }

    /** True when the rule compares a report with the same unit's report of the year before. */
    public boolean crossYear() {
        for (Equation equation : equations) {
            if (equation.readsPreviousYear()) {
                return true;
            }
        }
        return false;
    }
}
