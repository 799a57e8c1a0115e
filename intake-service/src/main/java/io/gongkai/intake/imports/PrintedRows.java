package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How a form's rows are printed, read from {@code forms/<version>/printed-rows.tsv} beside its cells. */
record PrintedRows(List<PrintedRow> rows) {

    /** The row path that stands for table 四, printed as one run of numbers. */
    static final String REVIEW_LITIGATION = "reviewLitigation";

    /**
     * One printed row.
     *
     * @param path     the row's group path
     * @param keywords words that identify its label, any of them
     * @param ordinal  the number its label starts with (1., 2., …), or null
     * @param cells    its cells, in form order
     */
    record PrintedRow(String path, List<String> keywords, String ordinal, List<Cell> cells) {

        boolean isReviewLitigation() {
            return path.equals(REVIEW_LITIGATION);
        }

        boolean isApplications() {
            return path.startsWith("applications.");
        }
    }

    static PrintedRows of(FormDefinition form) {
        String resource = "/forms/" + form.version() + "/printed-rows.tsv";
        InputStream in = PrintedRows.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no printed rows for form " + form.version() + " (" + resource + ")");
        }
        List<PrintedRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("row\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String path = f[0];
                List<Cell> cells = form.cells().stream().filter(c -> c.key().startsWith(path + ".")
                        && (path.equals(REVIEW_LITIGATION) || c.key().indexOf('.', path.length() + 1) < 0)).toList();
                if (cells.isEmpty()) {
                    throw new IllegalStateException("printed row " + path + " has no cells in form " + form.version());
                }
                rows.add(new PrintedRow(path, List.of(f[1].split("\\|")), f.length > 2 && !f[2].isEmpty() ? f[2] : null, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrintedRows(List.copyOf(rows));
    }
}
