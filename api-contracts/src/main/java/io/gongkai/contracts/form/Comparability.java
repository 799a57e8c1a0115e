package io.gongkai.contracts.form;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which cells carry across a change of form, for series that run over years of different forms (trends): the table
 * {@code forms/comparable.tsv}. A key both forms have carries as it is unless the table names it; a key only one form
 * has is absent from the other's years; the table adds what is comparable under another key or only as a sum (2019's
 * one row （六）其他处理 against the sum of 2021's three).
 */
public final class Comparability {

    private static final String RESOURCE = "/forms/comparable.tsv";
    private static final Map<String, Line> LINES = read();

    /** How the two forms' figures relate on a line of the table. */
    public enum Match {
        /** The same key with the same meaning: not written in the table. */
        SAME,
        /** Comparable only as a sum: one form keeps whole a row the other splits. */
        SUM,
        /** Carried, though the forms did not count quite the same. */
        APPROXIMATE,
        /** Deliberately not carried. */
        NONE
    }

    /**
     * How a year in one form gives a key of a series.
     *
     * @param key   the series' key
     * @param cells the cells of the year's form whose sum is the value; empty when the year has nothing comparable
     * @param match how the forms relate on this key
     */
    public record Reading(String key, List<Cell> cells, Match match) {

        public boolean absent() {
            return cells.isEmpty();
        }

        /** Whether the value is not simply the year's own cell of that key (a sum, or a cell under another key). */
        public boolean derived() {
            return !absent() && !(cells.size() == 1 && cells.get(0).key().equals(key));
        }
    }

    /** A line of the table: for each form version, the keys of the cells the series reads there. */
    private record Line(String key, Map<String, List<String>> cellsByForm, Match match) {

        List<String> cells(FormDefinition form) {
            return cellsByForm.getOrDefault(form.version(), List.of());
        }
    }

    private Comparability() {
    }

    /**
     * The keys of a series in the target form over years of the given forms: the target's cells, then, when another
     * form is among them, the keys the table adds for rows that form keeps whole and the target splits.
     */
    public static List<String> keys(FormDefinition target, Collection<FormDefinition> forms) {
        List<String> keys = new ArrayList<>(target.cells().stream().map(Cell::key).toList());
        if (forms.stream().anyMatch(f -> f != target)) {
            LINES.values().stream()
                    .filter(line -> target.cell(line.key()).isEmpty() && !line.cells(target).isEmpty())
                    .forEach(line -> keys.add(line.key()));
        }
        return keys;
    }

    /** How a year whose totals are in the given form gives a key of a series. */
    public static Reading reading(String key, FormDefinition form) {
        Line line = LINES.get(key);
        if (line == null) {
            return new Reading(key, form.cell(key).map(List::of).orElse(List.of()), Match.SAME);
        }
        return new Reading(key, line.cells(form).stream().map(form::requireCell).toList(), line.match());
    }

    private static Map<String, Line> read() {
        InputStream in = Comparability.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Line> lines = new LinkedHashMap<>();
            String[] header = null;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\t", -1);
                if (header == null) {
                    header = fields;
                    continue;
                }
                Line line = line(header, fields);
                if (lines.put(line.key(), line) != null) {
                    throw new IllegalStateException(RESOURCE + " names " + line.key() + " twice");
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of the table; every cell it names must be one of its form, so a renamed cell fails at start. */
    private static Line line(String[] header, String[] fields) {
        if (fields.length != header.length) {
            throw new IllegalStateException(RESOURCE + ": line of " + fields[0] + " has " + fields.length + " fields");
        }
        Map<String, List<String>> cellsByForm = new LinkedHashMap<>();
        for (int column = 1; column < header.length - 1; column++) {
            FormDefinition form = Forms.require(header[column]);
            List<String> keys = fields[column].isBlank() ? List.of() : List.of(fields[column].split(" \\+ "));
            keys.forEach(form::requireCell);
            cellsByForm.put(form.version(), keys);
        }
        Match match = Match.valueOf(fields[header.length - 1].trim().toUpperCase(Locale.ROOT));
        return new Line(fields[0], cellsByForm, match);
    }
}
