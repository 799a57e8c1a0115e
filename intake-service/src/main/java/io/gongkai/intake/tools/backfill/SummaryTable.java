package io.gongkai.intake.tools.backfill;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The table of every file, for the operator to open in a spreadsheet: CSV in UTF-8 with a byte order mark, without
 * which Excel reads it in the machine's code page and garbles every Chinese name. A row is written as its file is
 * done, so an interrupted run leaves the table of what it did.
 */
final class SummaryTable implements Closeable {

    static final List<String> COLUMNS = List.of("file", "unitCode", "unitName", "year", "outcome", "httpStatus",
            "errors", "warnings", "firstError");

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Writer out;

    private SummaryTable(Writer out) {
        this.out = out;
    }

    static SummaryTable create(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(BYTE_ORDER_MARK + Csv.row(COLUMNS));
        out.flush();
        return new SummaryTable(out);
    }

    void add(FileResult result) throws IOException {
        out.write(Csv.row(Arrays.asList(text(result.file()), text(result.unitCode()), text(result.unitName()),
                number(result.year()), result.outcome().name(), number(result.httpStatus()),
                String.valueOf(result.errors()), String.valueOf(result.warnings()), text(result.firstError()))));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Text as a spreadsheet shows it and never runs it: a cell starting with =, +, - or @ is a formula to Excel, and
     * file names and messages are not ours to trust, so such a cell starts with an apostrophe, which Excel hides.
     */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }
}
