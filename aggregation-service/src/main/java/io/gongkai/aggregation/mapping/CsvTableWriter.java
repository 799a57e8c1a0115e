package io.gongkai.aggregation.mapping;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * CSV as RFC 4180 writes it: fields separated by commas, rows ended by CRLF, a field quoted (its quotes doubled) when
 * it holds a comma, a quote or a line break. UTF-8 with a byte order mark, which is how Excel recognises UTF-8 and
 * shows Chinese instead of mojibake; numbers in plain notation, never with an exponent.
 *
 * <p>A text that Excel would take for a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a
 * leading apostrophe: unit names come from submissions, and a department named {@code =HYPERLINK(…)} must not run in
 * a district's spreadsheet. No code or number starts with one of them.
 */
public final class CsvTableWriter implements TableWriter {

    public static final String MEDIA_TYPE = "text/csv";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER_CHARS = 32 * 1024;

    private final Writer out;
    private boolean rowStarted;

    private CsvTableWriter(Writer out) {
        this.out = out;
    }

    /** Writes the table to the stream and flushes it; the stream stays open. */
    public static void write(Table table, OutputStream stream) throws IOException {
        stream.write(BYTE_ORDER_MARK);
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
        CsvTableWriter writer = new CsvTableWriter(out);
        for (String column : table.header()) {
            writer.text(column);
        }
        writer.endRow();
        table.writeRows(writer);
        out.flush();
    }

    @Override
    public void text(String value) throws IOException {
        separate();
        if (value == null || value.isEmpty()) {
            return;
        }
        String field = startsLikeAFormula(value) ? "'" + value : value;
        if (needsQuotes(field)) {
            out.write('"');
            out.write(field.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(field);
        }
    }

    @Override
    public void number(BigDecimal value) throws IOException {
        separate();
        out.write(value.toPlainString());
    }

    @Override
    public void blank() throws IOException {
        separate();
    }

    @Override
    public void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
