package io.gongkai.contracts.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code forms/<version>/layout.tsv} says of one table, beyond its cells: the words in its corner, the headings
 * printed over groups of columns, the headings whose words hold a '/' (本年增/减), and whether its row labels are
 * printed as column headings. A form without the file lays its tables out from the cells alone.
 *
 * @param corner     the words in the top-left corner, or empty
 * @param headings   headings over columns, outermost first
 * @param slashed    headings with a '/' in their words, which is not the '/' between the levels of a label
 * @param transposed whether the row labels head columns over a single row of figures
 */
record LayoutFacts(String corner, List<OverHeading> headings, Set<String> slashed, boolean transposed) {

    static final LayoutFacts NONE = new LayoutFacts("", List.of(), Set.of(), false);

    /** The levels of a label, '/' between them: 三/（三）不予公开/1.属于国家秘密 has three, 本年增/减 one when so stated. */
    List<String> levels(String label) {
        if (label.isEmpty()) {
            return List.of();
        }
        List<String> levels = new ArrayList<>();
        for (String part : label.split("/")) {
            int last = levels.size() - 1;
            if (last >= 0 && slashed.contains(levels.get(last) + "/" + part)) {
                levels.set(last, levels.get(last) + "/" + part);
            } else {
                levels.add(part);
            }
        }
        return levels;
    }

    /** A heading printed over the columns whose top label is one of {@code over}. */
    record OverHeading(String text, Set<String> over) {
    }

    /**
     * A cell's column heading levels with the headings printed over them put on top, e.g. 法人或其他组织/商业企业 under
     * 申请人情况.
     */
    List<String> withHeadings(List<String> levels) {
        List<String> result = levels;
        for (int i = headings.size() - 1; i >= 0; i--) {
            OverHeading heading = headings.get(i);
            if (!result.isEmpty() && heading.over().contains(result.get(0))) {
                List<String> above = new ArrayList<>(result.size() + 1);
                above.add(heading.text());
                above.addAll(result);
                result = above;
            }
        }
        return result;
    }

    /** The facts of each table of a form, by table; tables the file does not name have none. */
    static Map<String, LayoutFacts> read(String resource) {
        InputStream in = LayoutFacts.class.getResourceAsStream(resource);
        if (in == null) {
            return Map.of();
        }
        Map<String, LayoutFacts> facts = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("table\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                facts.put(f[0], facts.getOrDefault(f[0], NONE).with(f[1], field(f, 2), field(f, 3), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(facts);
    }

    private LayoutFacts with(String fact, String text, String over, String resource) {
        return switch (fact) {
            case "corner" -> new LayoutFacts(text, headings, slashed, transposed);
            case "heading" -> {
                List<OverHeading> more = new ArrayList<>(headings);
                more.add(new OverHeading(text, Set.of(over.split("\\|"))));
                yield new LayoutFacts(corner, List.copyOf(more), slashed, transposed);
            }
            case "slashed" -> {
                Set<String> more = new HashSet<>(slashed);
                more.add(text);
                yield new LayoutFacts(corner, headings, Set.copyOf(more), transposed);
            }
            case "transpose" -> new LayoutFacts(corner, headings, slashed, true);
            default -> throw new IllegalStateException(resource + " states an unknown fact '" + fact + "'");
        };
    }

    private static String field(String[] fields, int index) {
        return fields.length > index ? fields[index] : "";
    }
}
