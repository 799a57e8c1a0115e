package io.gongkai.contracts.form;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A linear relation between cells: the sum of the left terms equals (or is at most) the sum of the right terms. An
 * empty side is zero. By convention the left side holds the figure the unit states and the right side what it must
 * equal or stay within.
 */
public record Equation(List<Term> left, Relation relation, List<Term> right) {

    /** How the two sides of an equation compare when the rule holds. */
    public enum Relation {
        EQUAL(" = "), AT_MOST(" ≤ ");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        public boolean holds(int comparison) {
            return this == EQUAL ? comparison == 0 : comparison <= 0;
        }
    }

    public Equation {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** left = right. */
    public Equation(List<Term> left, List<Term> right) {
        this(left, Relation.EQUAL, right);
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
        return side(left) + relation.symbol + side(right);
    }

    private static String side(List<Term> terms) {
        return terms.isEmpty() ? "0" : terms.stream().map(Term::toString).collect(Collectors.joining(" + "));
    }
}
