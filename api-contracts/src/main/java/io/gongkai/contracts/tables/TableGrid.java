package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.tables.GridCell.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays one table out from its cells: a block per caption (table 二 has four), each with its column headings on top,
 * its row headings on the left and a figure where a row meets a column. All blocks share the table's width; a block
 * with fewer columns of figures widens its last one, as the form prints （五） under the three columns of （一）.
 */
final class TableGrid {

    private TableGrid() {
    }

    static OfficialTable layOut(String number, String title, List<Cell> cells, LayoutFacts facts) {
        Map<String, List<Cell>> byCaption = new LinkedHashMap<>();
        cells.forEach(cell -> byCaption.computeIfAbsent(cell.caption(), c -> new ArrayList<>()).add(cell));
        List<Block> blocks = byCaption.entrySet().stream().map(e -> Block.of(e.getKey(), e.getValue(), facts)).toList();

        int stub = blocks.stream().mapToInt(b -> b.rows.depth()).max().orElse(0);
        int width = stub + blocks.stream().mapToInt(b -> b.columns.leaves().size()).max().orElse(0);
        List<GridCell> grid = new ArrayList<>();
        int row = 0;
        for (Block block : blocks) {
            row = block.place(row, stub, width, facts.corner(), grid);
        }
        Block only = blocks.size() == 1 ? blocks.get(0) : null;
        int headerRows = only != null && only.caption.isEmpty() ? only.columns.depth() : 0;
        return new OfficialTable(number, title, width, stub, headerRows, rows(grid, row));
    }

    private static List<List<GridCell>> rows(List<GridCell> grid, int count) {
        List<List<GridCell>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new ArrayList<>());
        }
        grid.sort(Comparator.comparingInt(GridCell::row).thenComparingInt(GridCell::column));
        grid.forEach(cell -> rows.get(cell.row()).add(cell));
        return rows;
    }

    /** The cells under one caption, with the headings their labels make. */
    private record Block(String caption, HeadingTree rows, HeadingTree columns,
            Map<HeadingTree.Node, Map<HeadingTree.Node, Cell>> cells) {

        static Block of(String caption, List<Cell> cells, LayoutFacts facts) {
            HeadingTree rows = new HeadingTree();
            HeadingTree columns = new HeadingTree();
            Map<HeadingTree.Node, Map<HeadingTree.Node, Cell>> byPosition = new HashMap<>();
            for (Cell cell : cells) {
                List<String> rowLevels = facts.levels(cell.rowLabel());
                List<String> columnLevels = facts.levels(cell.heldColumnLabel());
                if (facts.transposed()) {
                    columnLevels = concat(rowLevels, columnLevels);
                    rowLevels = List.of();
                }
                HeadingTree.Node row = rows.add(rowLevels);
                HeadingTree.Node column = columns.add(facts.withHeadings(columnLevels));
                Cell clash = byPosition.computeIfAbsent(row, r -> new HashMap<>()).put(column, cell);
                if (clash != null) {
                    throw new IllegalStateException("cells " + clash.key() + " and " + cell.key() + " print in one place");
                }
            }
            rows.count();
            columns.count();
            byPosition.forEach((row, inRow) -> inRow.forEach((column, cell) -> {
                if (!row.isLeaf() || !column.isLeaf()) {
                    throw new IllegalStateException("cell " + cell.key() + " is printed under a heading with others below it");
                }
            }));
            return new Block(caption, rows, columns, byPosition);
        }

        /** Places the block from grid row {@code top}; returns the row after it. */
        int place(int top, int stub, int width, String corner, List<GridCell> grid) {
            int row = top;
            if (!caption.isEmpty()) {
                grid.add(GridCell.heading(Kind.CAPTION, row++, 0, 1, width, caption));
            }
            int depth = columns.depth();
            if (stub > 0 && depth > 0) {
                grid.add(GridCell.heading(Kind.CORNER, row, 0, depth, stub, corner));
            }
            List<HeadingTree.Node> columnLeaves = columns.leaves();
            int widening = width - stub - columnLeaves.size();
            for (HeadingTree.Node heading : columns.headings()) {
                boolean last = heading.firstLeaf() + heading.leafCount() == columnLeaves.size();
                grid.add(GridCell.heading(Kind.COLUMN_HEADING, row + heading.level() - 1, stub + heading.firstLeaf(),
                        heading.isLeaf() ? depth - heading.level() + 1 : 1,
                        heading.leafCount() + (last ? widening : 0), heading.label()));
            }
            int body = row + depth;
            for (HeadingTree.Node heading : rows.headings()) {
                grid.add(GridCell.heading(Kind.ROW_HEADING, body + heading.firstLeaf(), heading.level() - 1,
                        heading.leafCount(), heading.isLeaf() ? stub - heading.level() + 1 : 1, heading.label()));
            }
            List<HeadingTree.Node> rowLeaves = rows.leaves();
            for (int r = 0; r < rowLeaves.size(); r++) {
                Map<HeadingTree.Node, Cell> inRow = cells.getOrDefault(rowLeaves.get(r), Map.of());
                for (int c = 0; c < columnLeaves.size(); c++) {
                    Cell cell = inRow.get(columnLeaves.get(c));
                    if (cell == null) {
                        throw new IllegalStateException("no cell where " + rowLeaves.get(r).label() + " meets "
                                + columnLeaves.get(c).label() + (caption.isEmpty() ? "" : " under " + caption));
                    }
                    grid.add(GridCell.value(body + r, stub + c, c == columnLeaves.size() - 1 ? 1 + widening : 1, cell));
                }
            }
            return body + rowLeaves.size();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
