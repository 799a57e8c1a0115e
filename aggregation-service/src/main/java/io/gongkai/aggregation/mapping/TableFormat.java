package io.gongkai.aggregation.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The file formats a table is exported in: what a {@code format=} parameter names and what Accept asks for. */
public enum TableFormat {

    CSV(CsvTableWriter.MEDIA_TYPE + ";charset=UTF-8") {
        @Override
        public void write(String title, Table table, OutputStream out) throws IOException {
            CsvTableWriter.write(table, out);
        }
    },
    XLSX(XlsxTableWriter.MEDIA_TYPE) {
        @Override
        public void write(String title, Table table, OutputStream out) throws IOException {
            XlsxTableWriter.write(title, table, out);
        }
    };

    private final String mediaType;

    TableFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The Content-Type of an answer in this format. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, which is also the format's name in a {@code format=} parameter. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes the table; the title names the sheet where the format has sheets. The stream stays open. */
    public abstract void write(String title, Table table, OutputStream out) throws IOException;
}
