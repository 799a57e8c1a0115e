package io.gongkai.contracts.form;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of the national annual-report form: its cells, the nested shape they take in JSON, and its
 * rules. Validation, storage, the OpenAPI schemas, totals and rendering all read this, never a copy of it.
 */
public final class FormDefinition {

    private final String version;
    private final String title;
    private final int firstReportYear;
    private final List<Cell> cells;
    private final Map<String, Cell> cellsByKey;
    private final FormNode root;
    private final List<Rule> rules;

    FormDefinition(String version, String title, int firstReportYear, List<Cell> cells,
            Map<String, String> groupHeadings, Function<FormDefinition, List<Rule>> rules) {
        this.version = version;
        this.title = title;
        this.firstReportYear = firstReportYear;
        this.cells = List.copyOf(cells);
        this.cellsByKey = cells.stream().collect(Collectors.toMap(Cell::key, c -> c, (a, b) -> {
            throw new IllegalArgumentException("duplicate cell key " + a.key());
        }, LinkedHashMap::new));
        this.root = FormNode.root(cells);
        describeGroups(groupHeadings);
        this.rules = List.copyOf(rules.apply(this));
    }

    /** Reads a cell table: key, table, caption, row_label, col_label, unit, type (tab separated, one header line). */
    static List<Cell> readCells(String resource) {
        InputStream in = FormDefinition.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("form definition " + resource + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Cell> cells = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cells.add(new Cell(cells.size(), f[0], f[1], f[2], f[3], f[4], f[5], CellType.fromDefinition(f[6])));
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describeGroups(Map<String, String> headings) {
        for (FormNode node : root.descendants()) {
            if (node.isCell()) {
                continue;
            }
            String heading = headings.get(node.path());
            if (heading == null) {
                heading = commonRowLabel(node);
            }
            node.describe(heading);
        }
    }

    /** A group's heading is what the row labels of its cells share, e.g. "三/（三）不予公开". */
    private static String commonRowLabel(FormNode group) {
        List<String[]> labels = group.descendants().stream().flatMap(n -> n.cell().stream())
                .map(c -> ((c.caption().isEmpty() ? "" : c.caption() + "/") + c.rowLabel()).split("/")).toList();
        List<String> shared = new ArrayList<>();
        for (int i = 0; labels.stream().allMatch(l -> l.length > 0); i++) {
            int segment = i;
            if (labels.stream().anyMatch(l -> l.length <= segment || !l[segment].equals(labels.get(0)[segment]))) {
                break;
            }
            shared.add(labels.get(0)[segment]);
        }
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("group " + group.path() + " needs a heading: its cells share no row label");
        }
        return String.join("｜", shared);
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public int firstReportYear() {
        return firstReportYear;
    }

    public List<Cell> cells() {
        return cells;
    }

    public Optional<Cell> cell(String key) {
        return Optional.ofNullable(cellsByKey.get(key));
    }

    public Cell requireCell(String key) {
        Cell cell = cellsByKey.get(key);
        if (cell == null) {
            throw new IllegalArgumentException("form " + version + " has no cell " + key);
        }
        return cell;
    }

    /** The top of the nested shape; its children are the form's sections (activeDisclosure, ...). */
    public FormNode root() {
        return root;
    }

    /** The group at a dotted path, e.g. "applications.results". */
    public FormNode group(String path) {
        FormNode node = root;
        for (String segment : path.split("\\.")) {
            node = node.children().get(segment);
            if (node == null) {
                throw new IllegalArgumentException("form " + version + " has no group " + path);
            }
        }
        return node;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
