package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
     * @param marks    words printed in or around the row that only this form prints (its column headings)
     */
    record PrintedRow(String path, List<String> keywords, String ordinal, List<Cell> cells, List<String> marks) {

        boolean isReviewLitigation() {
            return path.equals(REVIEW_LITIGATION);
        }

        boolean isApplications() {
            return path.startsWith("applications.");
        }

        /** The form's table the row is in (二, 三 or 四). */
        String table() {
            return cells.get(0).table();
        }

        /** Whether another form prints this row with the same cells, so that either form's row reads it. */
        boolean printedAlike(PrintedRow other) {
            return path.equals(other.path) && cells.stream().map(Cell::key).toList()
                    .equals(other.cells.stream().map(Cell::key).toList());
        }
    }

    /** The row printed at a path, if this form prints one there. */
    Optional<PrintedRow> row(String path) {
        return rows.stream().filter(row -> row.path().equals(path)).findFirst();
    }

    private static final Map<String, PrintedRows> LOADED = new ConcurrentHashMap<>();

    /** The printed rows of a form, read once. */
    static PrintedRows of(FormDefinition form) {
        return LOADED.computeIfAbsent(form.version(), version -> load(form));
    }

    private static PrintedRows load(FormDefinition form) {
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
                List<Cell> cells = cells(form, path);
                if (cells.isEmpty()) {
                    throw new IllegalStateException("printed row " + path + " has no cells in form " + form.version());
                }
                rows.add(new PrintedRow(path, words(f, 1), f.length > 2 && !f[2].isEmpty() ? f[2] : null, cells,
                        words(f, 3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrintedRows(List.copyOf(rows));
    }

    /** A row's cells: the cells directly below its group, or every cell of table 四. */
    private static List<Cell> cells(FormDefinition form, String path) {
        FormNode group = form.group(path);
        List<FormNode> nodes = path.equals(REVIEW_LITIGATION) ? group.descendants() : List.copyOf(group.children().values());
        return nodes.stream().flatMap(node -> node.cell().stream()).toList();
    }

    private static List<String> words(String[] fields, int column) {
        return fields.length > column && !fields[column].isEmpty() ? List.of(fields[column].split("\\|")) : List.of();
    }
}
