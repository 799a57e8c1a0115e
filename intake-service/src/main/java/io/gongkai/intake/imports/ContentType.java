package io.gongkai.intake.imports;

import java.util.Locale;

/**
 * The parts of a Content-Type header value the decoder reads: the media type and its charset parameter.
 *
 * @param mediaType the type/subtype in lower case, or null when the header was absent or blank
 * @param charset   the charset parameter as sent (quotes removed), or null
 */
record ContentType(String mediaType, String charset) {

    static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return new ContentType(null, null);
        }
        String[] parts = header.split(";");
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase("charset")) {
                charset = unquote(parts[i].substring(equals + 1).strip());
            }
        }
        return new ContentType(parts[0].strip().toLowerCase(Locale.ROOT), charset);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value.isEmpty() ? null : value;
    }
}
