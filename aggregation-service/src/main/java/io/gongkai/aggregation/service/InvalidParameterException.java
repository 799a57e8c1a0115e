package io.gongkai.aggregation.service;

/** A query parameter that is missing, not a number or out of its range: answered 400 naming the parameter. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String expected;
    private final String actual;

    public InvalidParameterException(String parameter, String expected, String actual) {
        super(parameter + " must be " + expected + (actual == null ? " and is missing" : ", not " + actual));
        this.parameter = parameter;
        this.expected = expected;
        this.actual = actual;
    }

    public String parameter() {
        return parameter;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
