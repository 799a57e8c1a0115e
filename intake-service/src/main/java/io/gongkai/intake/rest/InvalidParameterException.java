package io.gongkai.intake.rest;

import io.gongkai.contracts.form.Finding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A query parameter that cannot be read: answered 400 naming it. (A parameter the framework fails to convert would
 * be answered 404, as JAX-RS has it; so parameters of types that can fail are read as text and converted here.)
 */
public class InvalidParameterException extends RuntimeException {

    private final transient Finding finding;

    InvalidParameterException(String parameter, String expected, String actual) {
        super(parameter + " must be " + expected);
        this.finding = Finding.error("PARAMETER", parameter, expected, abbreviate(actual), getMessage());
    }

    public Finding finding() {
        return finding;
    }

    /** An ISO-8601 date-time with offset, or null when absent. */
    static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "an ISO-8601 date-time with offset, e.g."
                    + " 2024-01-31T16:00:00Z", value);
        }
    }

    /** One of the enum's constants (case-insensitive), or null when absent. */
    static <E extends Enum<E>> E constant(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "one of " + Arrays.toString(type.getEnumConstants()), value);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
