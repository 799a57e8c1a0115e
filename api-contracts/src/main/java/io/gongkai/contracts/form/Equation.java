package io.gongkai.contracts.form;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A linear equality between cells: the sum of the left terms equals the sum of the right terms. An empty side
 * is zero. By convention the left side holds the figure the unit states and the right side what it must equal.
 */
public record Equation(List<Term> left, List<Term> right) {

    public Equation {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    public boolean readsPreviousYear() {
        return readsPreviousYear(left) || readsPreviousYear(right);
    }

    private static boolean readsPreviousYear(List<Term> terms) {
        for (Term term : terms) {
            if (term.period() == Period.PREVIOUS) {
                return true;
            }
        }
        return false;
    }

    public java.util.stream.Stream<Term> terms() {
        return java.util.stream.Stream.concat(left.stream(), right.stream());
    }

    @Override
    public String toString() {
        return side(left) + " = " + side(right);
    }

    private static String side(List<Term> terms) {
        return terms.isEmpty() ? "0" : terms.stream().map(Term::toString).collect(Collectors.joining(" + "));
    }
}
