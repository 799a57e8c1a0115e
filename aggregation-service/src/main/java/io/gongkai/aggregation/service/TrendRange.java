package io.gongkai.aggregation.service;

import io.gongkai.contracts.api.InvalidParameterException;
/**
 * The years a trend covers: none before the first form, none after next year, and at most {@link #MAX_YEARS}, so
 * that one answer stays small whatever a reader asks for.
 */
public record TrendRange(int from, int to) {

    public static final int MAX_YEARS = 10;

    /** The range asked for, or an {@link InvalidParameterException} naming the parameter that is out of bounds. */
    public static TrendRange of(int from, int to, int firstYear, int lastYear) {
        if (from < firstYear || from > lastYear) {
            throw new InvalidParameterException("from", "a year from " + firstYear + " (the first form) to " + lastYear,
                    String.valueOf(from));
        }
        if (to < from || to > lastYear) {
            throw new InvalidParameterException("to", "a year from " + from + " (from) to " + lastYear, String.valueOf(to));
        }
        if (to - from >= MAX_YEARS) {
            throw new InvalidParameterException("to", "at most " + (from + MAX_YEARS - 1) + ": a trend covers at most "
                    + MAX_YEARS + " years", String.valueOf(to));
        }
        return new TrendRange(from, to);
    }
}
