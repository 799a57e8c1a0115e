package io.gongkai.contracts.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks reports against the rules of their form. Stateless. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * Every finding of the same-year rules that apply to the unit. An equation with an absent cell is skipped:
     * the absence itself is reported by structure validation.
     */
    public static List<Finding> sameYear(CellValues report, GovernmentLevel level) {
        return evaluate(report, null, level, false);
    }

    /**
     * Every finding of the cross-year rules between a report and the same unit's previous one. A previous report in
     * another form version is compared only by the rules that say they hold across forms.
     */
    public static List<Finding> crossYear(CellValues report, CellValues previous, GovernmentLevel level) {
        return evaluate(report, previous, level, true);
    }

    private static List<Finding> evaluate(CellValues report, CellValues previous, GovernmentLevel level,
            boolean crossYear) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : report.form().rules()) {
            if (rule.crossYear() != crossYear || !rule.appliesTo().appliesTo(level)) {
                continue;
            }
            if (crossYear && (previous == null || !rule.compares(report.form(), previous.form()))) {
                continue;
            }
            for (Equation equation : rule.equations()) {
                check(rule, equation, report, previous).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Optional<Finding> check(Rule rule, Equation equation, CellValues report, CellValues previous) {
        Optional<BigDecimal> left = sum(equation.left(), report, previous);
        Optional<BigDecimal> right = sum(equation.right(), report, previous);
        if (left.isEmpty() || right.isEmpty() || equation.relation().holds(left.get().compareTo(right.get()))) {
            return Optional.empty();
        }
        List<String> pointers = equation.terms().filter(t -> t.period() == Period.CURRENT)
                .map(t -> report.form().requireCell(t.cellKey()).pointer()).distinct().toList();
        String broken = equation.relation() == Equation.Relation.EQUAL ? " ≠ " : " > ";
        String message = rule.statement() + ": " + equation + " (" + plain(left.get()) + broken + plain(right.get()) + ")";
        return Optional.of(new Finding(rule.id(), rule.severity(), pointers, plain(right.get()), plain(left.get()),
                message));
    }

    private static Optional<BigDecimal> sum(List<Term> terms, CellValues report, CellValues previous) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : terms) {
            CellValues source = term.period() == Period.CURRENT ? report : previous;
            BigDecimal value = source == null || source.form().cell(term.cellKey()).isEmpty() ? null
                    : source.get(term.cellKey());
            if (value == null) {
                return Optional.empty();
            }
            sum = sum.add(value);
        }
        return Optional.of(sum);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
