package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.service.InvalidParameterException;

/**
 * Whole-number query parameters, read from their text so that a malformed one is a 400 naming it (a typed JAX-RS
 * query parameter answers 404 without saying which). Their ranges are the services' to check.
 */
final class QueryParameters {

    private static final String WHOLE_NUMBER = "a whole number";
    /** Longer digit strings are no sensible year, page or size, and would overflow an int. */
    private static final int MAX_DIGITS = 9;

    private QueryParameters() {
    }

    /** The number given, or null when the parameter is absent or empty. */
    static Integer optional(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_DIGITS + 1 || !value.matches("-?\\d{1," + MAX_DIGITS + "}")) {
            throw new InvalidParameterException(name, WHOLE_NUMBER, value.length() > 40 ? value.substring(0, 40) + "…" : value);
        }
        return Integer.valueOf(value);
    }

    static int required(String name, String value) {
        Integer number = optional(name, value);
        if (number == null) {
            throw new InvalidParameterException(name, WHOLE_NUMBER, null);
        }
        return number;
    }
}
