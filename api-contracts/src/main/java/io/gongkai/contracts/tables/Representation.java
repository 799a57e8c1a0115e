package io.gongkai.contracts.tables;

import io.gongkai.contracts.api.InvalidParameterException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The forms a report or a total is answered in: the JSON of the API, or the official tables as an HTML document or an
 * XLSX workbook. A client asks with Accept, or with {@code format=} where it cannot set headers (a download link); the
 * parameter wins over the header.
 */
public enum Representation {
    JSON("json", "application/json"),
    HTML("html", Representation.HTML_MEDIA_TYPE),
    XLSX("xlsx", Representation.XLSX_MEDIA_TYPE);

    public static final String HTML_MEDIA_TYPE = "text/html";
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The values of the format parameter, for messages and documentation. */
    public static final String FORMATS = "json, html or xlsx";

    /** Accept headers are read up to this many media ranges: no client lists more. */
    private static final int MAX_RANGES = 64;

    private final String format;
    private final String mediaType;

    Representation(String format, String mediaType) {
        this.format = format;
        this.mediaType = mediaType;
    }

    /** Its name in the format parameter and in file names. */
    public String format() {
        return format;
    }

    /** Its media type, with the charset for text. */
    public String contentType() {
        return this == HTML ? mediaType + ";charset=UTF-8" : mediaType;
    }

    /**
     * The representation asked for: the format parameter when given (case-insensitive; an unknown one is a 400 naming
     * it), else the one the Accept header prefers, JSON first among equals and when the header is absent. Empty when
     * the header accepts none of them (406).
     */
    public static Optional<Representation> choose(String formatParameter, String accept) {
        if (formatParameter != null && !formatParameter.isEmpty()) {
            String wanted = formatParameter.toLowerCase(Locale.ROOT);
            return Optional.of(Arrays.stream(values()).filter(r -> r.format.equals(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidParameterException("format", FORMATS, formatParameter)));
        }
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        Representation best = null;
        double bestQuality = 0;
        for (Representation candidate : values()) {
            double quality = candidate.quality(accept);
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The headers an answer in this representation carries besides its type: a workbook is a download named after
     * what it holds ({@code <name>.xlsx}, letters, digits and hyphens only); the HTML document may run no script and
     * load nothing, as it prints client-supplied names.
     */
    public Map<String, String> headers(String name) {
        return switch (this) {
            case JSON -> Map.of();
            case HTML -> Map.of("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'",
                    "X-Content-Type-Options", "nosniff");
            case XLSX -> Map.of("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9-]", "_")
                    + "." + format + "\"", "X-Content-Type-Options", "nosniff");
        };
    }

    /** The official tables in this representation; JSON is each service's own answer, not a rendering of them. */
    public byte[] render(PrintedReport report) {
        return switch (this) {
            case HTML -> OfficialTablesHtml.document(report).getBytes(StandardCharsets.UTF_8);
            case XLSX -> OfficialTablesXlsx.workbook(report);
            case JSON -> throw new IllegalStateException("JSON is answered by the service, not rendered from the tables");
        };
    }

    /**
     * How much the Accept header wants this media type: the quality of the most specific range that matches it
     * (type/subtype over type/* over *&#47;*), 0 when none does (RFC 9110, 12.5.1).
     */
    private double quality(String accept) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        int bestSpecificity = -1;
        double quality = 0;
        String[] ranges = accept.split(",", MAX_RANGES + 1);
        for (int i = 0; i < Math.min(ranges.length, MAX_RANGES); i++) {
            String[] parts = ranges[i].split(";", -1);
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            int specificity = range.equals(mediaType) ? 2 : range.equals(type + "/*") ? 1 : range.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = quality(parts);
            }
        }
        return quality;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                String value = parameter.substring(2).trim();
                return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
