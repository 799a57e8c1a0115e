package io.gongkai.contracts.testing;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A printed table read back the way a reader sees it, without the layout that made it: each cell where it stands
 * and how far it spans, from HTML (rowspan/colspan walked row by row) or from a sheet (its merged regions). Figures
 * are then found under their headings, so a test checks what is printed, not how it was laid out.
 *
 * @param caption the table's caption (HTML) or title row (sheet)
 * @param width   the grid's width
 * @param cells   every cell, row by row, left to right
 */
public record PrintedGrid(String caption, int width, List<Placed> cells) {

    /** One printed cell: a heading (th, a text cell) or a figure (td, a numeric or blank cell). */
    public record Placed(int row, int column, int rowSpan, int columnSpan, boolean heading, String text) {
    }

    /** Every {@code <table>} of an HTML document, in order. */
    public static List<PrintedGrid> fromHtml(Document document) {
        return document.select("table").stream().map(PrintedGrid::fromHtml).toList();
    }

    private static PrintedGrid fromHtml(Element table) {
        Map<Long, Boolean> taken = new HashMap<>();
        List<Placed> cells = new ArrayList<>();
        int width = 0;
        int row = 0;
        for (Element tr : table.select("tr")) {
            int column = 0;
            for (Element cell : tr.children()) {
                while (taken.containsKey(key(row, column))) {
                    column++;
                }
                int rowSpan = span(cell, "rowspan");
                int columnSpan = span(cell, "colspan");
                for (int r = row; r < row + rowSpan; r++) {
                    for (int c = column; c < column + columnSpan; c++) {
                        if (taken.put(key(r, c), true) != null) {
                            throw new AssertionError("two cells cover row " + r + ", column " + c);
                        }
                    }
                }
                cells.add(new Placed(row, column, rowSpan, columnSpan, cell.tagName().equals("th"), cell.text()));
                column += columnSpan;
                width = Math.max(width, column);
            }
            row++;
        }
        if (taken.size() != width * row) {
            throw new AssertionError("the table has holes: " + taken.size() + " of " + width * row + " positions covered");
        }
        return new PrintedGrid(table.selectFirst("caption") == null ? "" : table.selectFirst("caption").text(), width,
                cells);
    }

    /** A sheet's grid from row {@code top} on: a merged region is one cell, a text cell a heading. */
    public static PrintedGrid fromSheet(XSSFSheet sheet, int top, String caption) {
        Map<Long, CellRangeAddress> regions = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() >= top) {
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        regions.put(key(r - top, c), region);
                    }
                }
            }
        }
        List<Placed> cells = new ArrayList<>();
        int width = 0;
        for (int r = top; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                XSSFCell cell = row.getCell(c);
                CellRangeAddress region = regions.get(key(r - top, c));
                if (cell == null || region != null && (region.getFirstRow() != r || region.getFirstColumn() != c)) {
                    continue;
                }
                int rowSpan = region == null ? 1 : region.getLastRow() - region.getFirstRow() + 1;
                int columnSpan = region == null ? 1 : region.getLastColumn() - region.getFirstColumn() + 1;
                boolean heading = cell.getCellType() == CellType.STRING;
                String text = heading ? cell.getStringCellValue() : cell.getCTCell().isSetV() ? cell.getCTCell().getV() : "";
                cells.add(new Placed(r - top, c, rowSpan, columnSpan, heading, text));
                width = Math.max(width, c + columnSpan);
            }
        }
        return new PrintedGrid(caption, width, cells);
    }

    /** The merged cells: where each starts and how far it spans. */
    public Set<List<Integer>> spans() {
        Set<List<Integer>> spans = new LinkedHashSet<>();
        cells.stream().filter(c -> c.rowSpan() > 1 || c.columnSpan() > 1)
                .forEach(c -> spans.add(List.of(c.row(), c.column(), c.rowSpan(), c.columnSpan())));
        return spans;
    }

    /**
     * The figure printed for each cell of the form's table this grid shows, found by its headings alone: the row
     * headings to its left and the column headings above it, up to the caption of its block (a heading across the
     * whole table). A cell is the one whose caption and row and column label levels (its column label as held, with
     * the unit of an amount the report states) are all among them. Fails when a figure matches no cell or several.
     */
    public Map<String, String> figuresByCell(FormDefinition form) {
        String table = caption.substring(0, caption.indexOf('、'));
        List<Cell> candidates = form.cells().stream().filter(c -> c.table().equals(table)).toList();
        Placed[][] at = new Placed[cells.stream().mapToInt(c -> c.row() + c.rowSpan()).max().orElse(0)][width];
        cells.forEach(c -> {
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                for (int col = c.column(); col < c.column() + c.columnSpan(); col++) {
                    at[r][col] = c;
                }
            }
        });
        Map<String, String> figures = new LinkedHashMap<>();
        for (Placed figure : cells) {
            if (figure.heading()) {
                continue;
            }
            Set<String> headings = new LinkedHashSet<>();
            for (int c = 0; c < figure.column(); c++) {
                if (at[figure.row()][c].heading()) {
                    headings.add(at[figure.row()][c].text());
                }
            }
            for (int r = figure.row() - 1; r >= 0; r--) {
                Placed above = at[r][figure.column()];
                if (above.heading()) {
                    headings.add(above.text());
                    if (above.columnSpan() == width) {
                        break;
                    }
                }
            }
            List<Cell> matching = candidates.stream().filter(cell -> labelled(cell, headings)).toList();
            if (matching.size() != 1) {
                throw new AssertionError("the figure at row " + figure.row() + ", column " + figure.column() + " of "
                        + caption + " under " + headings + " matches " + matching.stream().map(Cell::key).toList());
            }
            if (figures.put(matching.get(0).key(), figure.text()) != null) {
                throw new AssertionError(matching.get(0).key() + " is printed twice");
            }
        }
        return figures;
    }

    private static boolean labelled(Cell cell, Set<String> headings) {
        List<String> parts = new ArrayList<>();
        if (!cell.caption().isEmpty()) {
            parts.add(cell.caption());
        }
        parts.addAll(List.of(cell.rowLabel().split("/")));
        parts.addAll(List.of(cell.heldColumnLabel().split("/")));
        return parts.stream().allMatch(part -> headings.stream().anyMatch(heading -> names(heading, part)));
    }

    /**
     * Whether a printed heading is a level of a label: that level, the heading its bare ordinal stands for, or a
     * heading whose words hold a '/' (本年增/减 for the levels 本年增 and 减 that cells.tsv cannot tell apart).
     */
    private static boolean names(String heading, String level) {
        return heading.equals(level) || heading.startsWith(level + "、")
                || heading.contains("/") && List.of(heading.split("/")).contains(level);
    }

    private static int span(Element cell, String attribute) {
        String value = cell.attr(attribute);
        return value.isEmpty() ? 1 : Integer.parseInt(value);
    }

    private static long key(int row, int column) {
        return (long) row << 32 | column;
    }
}
