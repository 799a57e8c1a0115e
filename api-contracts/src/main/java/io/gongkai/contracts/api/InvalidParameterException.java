package io.gongkai.contracts.api;

import io.gongkai.contracts.form.Finding;

import java.util.List;

/**
 * A request parameter that cannot be read or is out of range: answered 400 naming it, with the value shown
 * abbreviated. Both services answer it with the same problem ({@link #problem(String)}).
 */
public class InvalidParameterException extends RuntimeException {

    public static final String TYPE = Problem.TYPE_PREFIX + "invalid-parameter";
    /** A value longer than this is shown cut short: an answer never echoes a whole hostile parameter. */
    static final int SHOWN_CHARACTERS = 80;

    private final String parameter;
    private final String expected;
    private final String actual;

    /** @param actual the value given, or null when the parameter is missing */
    public InvalidParameterException(String parameter, String expected, String actual) {
        super(parameter + " must be " + expected + (actual == null ? " and is missing" : ", not " + abbreviate(actual)));
        this.parameter = parameter;
        this.expected = expected;
        this.actual = actual == null ? null : abbreviate(actual);
    }

    public String parameter() {
        return parameter;
    }

    public String expected() {
        return expected;
    }

    /** The value given, abbreviated; null when the parameter was missing. */
    public String actual() {
        return actual;
    }

    public Finding finding() {
        return Finding.error("PARAMETER", parameter, expected, actual, getMessage());
    }

    public Problem problem(String instance) {
        return new Problem(TYPE, "Invalid request parameter", 400, getMessage(), instance, List.of(finding()));
    }

    private static String abbreviate(String value) {
        return value.length() <= SHOWN_CHARACTERS ? value : value.substring(0, SHOWN_CHARACTERS - 1) + "…";
    }
}
