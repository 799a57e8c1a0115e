package io.gongkai.contracts.form;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * One thing wrong with a submission.
 *
 * @param rule     the rule id (R3.1, X1, M for a missing cell, ...)
 * @param severity error or warning
 * @param pointers JSON pointers (RFC 6901) of the cells or fields concerned
 * @param expected what the rule expects there, if it can say
 * @param actual   what the submission has there, if anything
 * @param message  the finding in words
 */
public record Finding(String rule, Severity severity, List<String> pointers, String expected, String actual,
        String message) {

    public Finding {
        pointers = List.copyOf(pointers);
    }

    public static Finding error(String rule, String pointer, String expected, String actual, String message) {
        return new Finding(rule, Severity.ERROR, List.of(pointer), expected, actual, message);
    }

    public static Finding warning(String rule, String pointer, String expected, String actual, String message) {
        return new Finding(rule, Severity.WARNING, List.of(pointer), expected, actual, message);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
