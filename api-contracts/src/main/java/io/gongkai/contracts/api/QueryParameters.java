package io.gongkai.contracts.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters read from their text, so that a malformed one is a 400 naming it: a typed JAX-RS parameter the
 * framework cannot convert is answered 404 without saying which. Ranges are the services' to check.
 */
public final class QueryParameters {

    private static final String WHOLE_NUMBER = "a whole number";
    /** Longer digit strings are no sensible year, page or size, and would overflow an int. */
    private static final int MAX_DIGITS = 9;

    private QueryParameters() {
    }

    /** The whole number given, or null when the parameter is absent or empty. */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_DIGITS + 1 || !value.matches("-?\\d{1," + MAX_DIGITS + "}")) {
            throw new InvalidParameterException(name, WHOLE_NUMBER, value);
        }
        return Integer.valueOf(value);
    }

    public static int requiredWholeNumber(String name, String value) {
        Integer number = wholeNumber(name, value);
        if (number == null) {
            throw new InvalidParameterException(name, WHOLE_NUMBER, null);
        }
        return number;
    }

    /** An ISO-8601 date-time with offset, or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "an ISO-8601 date-time with offset, e.g. 2024-01-31T16:00:00Z", value);
        }
    }

    /** One of the enum's constants (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "one of " + Arrays.toString(type.getEnumConstants()), value);
        }
    }
}
