package io.gongkai.intake.imports;

import io.gongkai.intake.imports.PrintedDocument.Paragraph;
import io.gongkai.intake.imports.PrintedDocument.Table;
import io.gongkai.intake.imports.PrintedDocument.TableCell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A report as text copied out of a Word document (the 三营镇 sample): paragraphs between blank lines, each table row
 * a line of tab-separated cells laid on the table's grid, so that a spanning cell leaves empty cells after it and
 * below it. Like the sample, rows sometimes end in an extra tab or lose their trailing empty cells, and a row of
 * table 三 may have its label pushed to the start of the line, followed by a blank line.
 */
final class TabsLayout {

    private TabsLayout() {
    }

    static String render(PrintedDocument document, Random random) {
        String newline = random.nextInt(5) == 0 ? "\r\n" : "\n";
        boolean trimRows = random.nextInt(3) == 0;
        boolean shiftOneRow = random.nextInt(6) == 0;
        StringBuilder out = new StringBuilder();
        out.append(newline).append(random.nextBoolean() ? document.title() : spacedTitle(document.title()))
                .append(newline).append(newline);
        for (PrintedDocument.Block block : document.blocks()) {
            if (block instanceof Paragraph paragraph) {
                out.append(paragraph.text()).append(newline).append(newline);
            } else if (block instanceof Table table) {
                List<List<String>> lines = grid(table);
                List<Integer> shiftable = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    List<String> line = lines.get(i);
                    if (line.size() > 3 && line.get(0).isEmpty() && line.get(1).isEmpty() && !line.get(2).isEmpty()) {
                        shiftable.add(i);
                    }
                }
                int shifted = shiftOneRow && !shiftable.isEmpty() ? shiftable.get(random.nextInt(shiftable.size())) : -1;
                for (int i = 0; i < lines.size(); i++) {
                    List<String> line = new ArrayList<>(lines.get(i));
                    if (i == shifted) {
                        line.remove(0);
                        line.add(1, line.remove(0));
                        line.add("");
                    } else if (trimRows) {
                        while (line.size() > 1 && line.get(line.size() - 1).isEmpty()) {
                            line.remove(line.size() - 1);
                        }
                    }
                    if (random.nextInt(10) == 0) {
                        line.add("");
                    }
                    out.append(String.join("\t", line)).append(newline);
                    if (i == shifted) {
                        out.append(newline);
                    }
                }
                out.append(newline);
            }
        }
        return out.toString();
    }

    /** The sample's title puts a space between the unit's name and the year. */
    private static String spacedTitle(String title) {
        return title.replaceFirst("(\\d{4}年)", " $1");
    }

    /** A table's rows on its grid: each cell at its top-left position, empty text where a span covers. */
    static List<List<String>> grid(Table table) {
        Set<Long> covered = new HashSet<>();
        List<List<String>> lines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> line = new ArrayList<>();
            int column = 0;
            for (TableCell cell : table.rows().get(r)) {
                while (covered.contains(position(r, column))) {
                    line.add("");
                    column++;
                }
                line.add(cell.text());
                for (int i = 1; i < cell.colspan(); i++) {
                    line.add("");
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        covered.add(position(r + dr, column + dc));
                    }
                }
                column += cell.colspan();
            }
            while (covered.contains(position(r, column))) {
                line.add("");
                column++;
            }
            lines.add(line);
        }
        return lines;
    }

    private static long position(int row, int column) {
        return (long) row << 32 | column;
    }
}
