package io.gongkai.intake.tools.backfill;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them: a field holding a comma, a quote or a line break is quoted and its
 * quotes doubled. Mapping files come out of spreadsheets, and report file names hold commas and quotes often enough
 * that splitting on commas would import a report as someone else's.
 */
final class Csv {

    private Csv() {
    }

    /** The rows of a CSV text; a line break inside quotes belongs to its field, and CRLF or LF ends a row. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.FIELD_START;
        int line = 1;
        int quoteOpenedOn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (state == State.QUOTED) {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    field.append(c);
                    line += c == '\n' ? 1 : 0;
                }
                continue;
            }
            if (state == State.QUOTE_IN_QUOTED && c == '"') {
                field.append('"');
                state = State.QUOTED;
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                state = State.FIELD_START;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                state = State.FIELD_START;
                line++;
            } else if (state == State.QUOTE_IN_QUOTED) {
                throw new IllegalArgumentException("line " + line + ": text after a closing quote; a quote inside a"
                        + " quoted field is written twice (\"\")");
            } else if (c == '"' && state == State.FIELD_START) {
                state = State.QUOTED;
                quoteOpenedOn = line;
            } else {
                field.append(c);
                state = State.UNQUOTED;
            }
        }
        if (state == State.QUOTED) {
            throw new IllegalArgumentException("line " + quoteOpenedOn + ": a quoted field is not closed");
        }
        if (state != State.FIELD_START || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One row, quoted where RFC 4180 needs it, ended with CRLF. */
    static String row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }

    private enum State {
        FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED
    }
}
