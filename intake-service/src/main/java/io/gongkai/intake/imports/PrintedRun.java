package io.gongkai.intake.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The printed figures of one row: what follows its label up to the next label. On a line with tabs (a text copy
 * of a table, or an HTML row) each tab-separated field is a cell, so a blank cell stays in its place; otherwise the
 * figures are one run of digits and spaces, which may have lost their separators.
 *
 * @param start      where the figures start in the document
 * @param end        where they end
 * @param fields     the cells' texts, when positional, without the empty ones the line ends in; the
 *                   whitespace-separated tokens otherwise
 * @param positional whether the fields are the row's cells in place (a tab-separated line)
 * @param allFields  the cells' texts after the label, the empty ones it ends in too (positional only)
 * @param lineWidth  how many fields the whole line has, not counting the empty ones it ends in (positional only)
 */
record PrintedRun(int start, int end, List<String> fields, boolean positional, List<String> allFields, int lineWidth) {

    /**
     * The figures after {@code from} and before {@code limit}, or null when there are none.
     *
     * @param nextOrdinal the number the next label starts with (its "2." would otherwise be read as a figure)
     * @param signed      whether a figure of the row may start with a sign (-8, +1036)
     */
    static PrintedRun find(String document, int from, int limit, String nextOrdinal, boolean signed) {
        int start = from;
        while (start < limit && !startsFigure(document.charAt(start), signed)) {
            start++;
        }
        if (start >= limit) {
            return null;
        }
        int lineStart = document.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = document.indexOf('\n', start);
        lineEnd = lineEnd < 0 || lineEnd > limit ? limit : lineEnd;
        int segmentStart = Math.max(lineStart, from);
        String segment = document.substring(segmentStart, lineEnd);
        if (segment.indexOf('\t') >= 0) {
            List<String> parts = new ArrayList<>(Arrays.asList(segment.split("\t", -1)));
            if (segmentStart == from && from > lineStart) {
                parts.remove(0);
            }
            List<String> stripped = parts.stream().map(String::strip).toList();
            List<String> fields = withoutTrailingEmpty(stripped);
            int trailingEmpty = stripped.size() - fields.size();
            stripOrdinal(fields, nextOrdinal);
            List<String> all = new ArrayList<>(fields);
            all.addAll(java.util.Collections.nCopies(trailingEmpty, ""));
            int width = withoutTrailingEmpty(Arrays.asList(document.substring(lineStart, lineEnd).split("\t", -1))).size();
            return new PrintedRun(start, lineEnd, List.copyOf(fields), true, List.copyOf(all), width);
        }
        int end = start;
        while (end < limit && (continuesFigure(document.charAt(end)) || signed && isSign(document.charAt(end)))) {
            end++;
        }
        String text = document.substring(start, end).strip();
        List<String> tokens = new ArrayList<>(List.of(text.split("\\s+")));
        stripOrdinal(tokens, nextOrdinal);
        tokens.removeIf(String::isEmpty);
        return new PrintedRun(start, start + text.length(), List.copyOf(tokens), false, List.of(), 0);
    }

    private static List<String> withoutTrailingEmpty(List<String> fields) {
        List<String> kept = new ArrayList<>(fields);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /** The text the figures were read from, as it stands in the document. */
    String printed(String document) {
        return document.substring(start, end).strip();
    }

    private static void stripOrdinal(List<String> fields, String ordinal) {
        if (ordinal == null || fields.isEmpty()) {
            return;
        }
        int last = fields.size() - 1;
        String tail = fields.get(last);
        if (tail.endsWith(ordinal + ".")) {
            fields.set(last, tail.substring(0, tail.length() - ordinal.length() - 1).strip());
            if (fields.get(last).isEmpty()) {
                fields.remove(last);
            }
        }
    }

    private static boolean startsFigure(char c, boolean signed) {
        return c >= '0' && c <= '9' || c == '/' || signed && isSign(c);
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+';
    }

    private static boolean continuesFigure(char c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '\t' || c == '\n' || c == '.' || c == ',' || c == '/';
    }
}
