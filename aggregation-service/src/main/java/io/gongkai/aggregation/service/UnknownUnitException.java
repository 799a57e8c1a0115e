package io.gongkai.aggregation.service;

/** The hierarchy has no unit with the code asked for. */
public class UnknownUnitException extends RuntimeException {

    public UnknownUnitException(String code) {
        super("no unit with code " + code);
    }
}
