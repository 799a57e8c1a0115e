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
 * @param equations the relations it checks
 * @param acrossForms for a cross-year rule: whether it also compares a report with a previous one made in another
 *                  form version (the cells it reads mean the same in both); same-year rules ignore it
 */
public record Rule(String id, Severity severity, String statement, String standing, Applicability appliesTo,
        List<Equation> equations, boolean acrossForms) {

    public Rule {
        equations = List.copyOf(equations);
    }

    /** A rule within one form version. */
    public Rule(String id, Severity severity, String statement, String standing, Applicability appliesTo,
            List<Equation> equations) {
        this(id, severity, statement, standing, appliesTo, equations, false);
    }

    /** Whether the rule compares a report with a previous one made in the given form version. */
    public boolean compares(FormDefinition current, FormDefinition previous) {
        return crossYear() && (current == previous || acrossForms);
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
