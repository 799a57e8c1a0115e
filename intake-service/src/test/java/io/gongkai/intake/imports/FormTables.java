package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.intake.imports.PrintedDocument.Table;
import io.gongkai.intake.imports.PrintedDocument.TableCell;
import io.gongkai.intake.imports.PrintedReport.UnitPlace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tables 二, 三 and 四 of one report as its form lays them out, with their captions, headers and row labels read
 * from the report's form definition (so that a new form needs no new renderer), printed in one of the styles real
 * reports use.
 */
final class FormTables {

    private static final String APPLICANTS_NOTE = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和";
    private static final int LABEL_COLUMNS = 3;

    /** Small variants of the official labels seen in published reports. */
    private static final List<Map.Entry<String, String>> LABEL_VARIANTS = List.of(
            Map.entry("其他法律行政法规禁止公开", "其他法律和行政法规禁止公开"),
            Map.entry("现行有效件数", "先行有效件数"),
            Map.entry("行政机关不再处理其政府信息公开申请", "行政机关不再受理其政府信息公开申请"),
            Map.entry("结转下年度继续办理", "结转下一年度继续办理"),
            Map.entry("部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"));

    /**
     * How a report prints its labels: （一） or (一) followed by a space, table 四's narrow headers with or without the
     * spaces their wrapping leaves (结果 维持), and the label variants it uses.
     */
    record Style(boolean halfWidthNumbering, boolean spacedHeaders, Map<String, String> variants) {

        static final Style OFFICIAL = new Style(false, false, Map.of());

        static Style random(PrintedReport report, Random random) {
            boolean halfWidth = random.nextBoolean();
            boolean spaced = random.nextBoolean();
            Map<String, String> variants = new LinkedHashMap<>();
            if (report.has(PrintedReport.Variant.LABEL_VARIANTS)) {
                for (Map.Entry<String, String> variant : LABEL_VARIANTS) {
                    if (random.nextBoolean()) {
                        variants.put(variant.getKey(), variant.getValue());
                    }
                }
                if (variants.isEmpty()) {
                    variants.put("现行有效件数", "先行有效件数");
                }
            }
            return new Style(halfWidth, spaced, variants);
        }
    }

    private final PrintedReport report;
    private final Style style;

    FormTables(PrintedReport report, Style style) {
        this.report = report;
        this.style = style;
    }

    /** Table 二: a block per caption (第二十条第（一）项 …), each a 信息内容 header row and its rows. */
    Table activeDisclosure() {
        List<List<TableCell>> rows = new ArrayList<>();
        Map<String, List<Cell>> byCaption = group(table("二"), Cell::caption);
        int width = 1 + byCaption.values().stream()
                .mapToInt(cells -> group(cells, Cell::rowLabel).values().iterator().next().size()).max().orElseThrow();
        byCaption.forEach((caption, cells) -> {
            rows.add(List.of(TableCell.text(caption).span(1, width)));
            Map<String, List<Cell>> byRow = group(cells, Cell::rowLabel);
            List<Cell> first = byRow.values().iterator().next();
            List<TableCell> header = new ArrayList<>();
            header.add(TableCell.text("信息内容"));
            for (int i = 0; i < first.size(); i++) {
                header.add(TableCell.text(withUnit(first.get(i), label(first.get(i).columnLabel()), UnitPlace.COLUMN_HEADING))
                        .span(1, spanOf(i, first.size(), width - 1)));
            }
            rows.add(header);
            byRow.forEach((rowLabel, rowCells) -> {
                List<TableCell> row = new ArrayList<>();
                String printedLabel = label(rowLabel);
                for (Cell cell : rowCells) {
                    printedLabel = withUnit(cell, printedLabel, UnitPlace.ROW_LABEL);
                }
                row.add(TableCell.text(printedLabel));
                for (int i = 0; i < rowCells.size(); i++) {
                    row.add(figure(rowCells.get(i)).span(1, spanOf(i, rowCells.size(), width - 1)));
                }
                rows.add(row);
            });
        });
        return new Table(rows);
    }

    /** A local table some regions add after table 二: information-processing fees in yuan, no cell of the form. */
    Table localFees(String yuan) {
        return new Table(List.of(
                List.of(TableCell.text("信息处理费收取情况").span(1, 2)),
                List.of(TableCell.text("信息内容"), TableCell.text("本年收取金额（单位：元）")),
                List.of(TableCell.text("信息处理费"), TableCell.text(yuan))));
    }

    /** Table 三: three header rows (申请人情况 over 自然人, 法人或其他组织 and 总计), then the 25 rows. */
    Table applications() {
        Map<String, List<Cell>> byRow = group(table("三"), cell -> cell.key().substring(0, cell.key().lastIndexOf('.')));
        List<Cell> columns = byRow.values().iterator().next();
        List<List<TableCell>> rows = new ArrayList<>();
        rows.add(List.of(TableCell.text(parenthesised(APPLICANTS_NOTE)).span(3, LABEL_COLUMNS),
                TableCell.text("申请人情况").span(1, columns.size())));
        Map<String, List<String>> columnGroups = new LinkedHashMap<>();
        columns.forEach(cell -> {
            String[] parts = cell.columnLabel().split("/");
            columnGroups.computeIfAbsent(parts[0], g -> new ArrayList<>()).add(parts.length > 1 ? parts[1] : null);
        });
        List<TableCell> groups = new ArrayList<>();
        List<TableCell> subColumns = new ArrayList<>();
        columnGroups.forEach((group, subs) -> {
            if (subs.get(0) == null) {
                groups.add(TableCell.text(group).span(2, 1));
            } else {
                groups.add(TableCell.text(group).span(1, subs.size()));
                subs.forEach(sub -> subColumns.add(TableCell.text(sub)));
            }
        });
        rows.add(groups);
        rows.add(subColumns);

        List<List<String>> labels = rowLabels(byRow.values().stream().map(cells -> cells.get(0).rowLabel()).toList());
        List<List<Cell>> cellRows = List.copyOf(byRow.values());
        for (int r = 0; r < cellRows.size(); r++) {
            List<String> path = labels.get(r);
            List<TableCell> row = new ArrayList<>();
            for (int depth = 0; depth < path.size() - 1; depth++) {
                if (r == 0 || !samePrefix(labels.get(r - 1), path, depth)) {
                    int span = 0;
                    while (r + span < labels.size() && samePrefix(labels.get(r + span), path, depth)) {
                        span++;
                    }
                    row.add(TableCell.text(label(path.get(depth))).span(span, 1));
                }
            }
            row.add(TableCell.text(label(path.get(path.size() - 1))).span(1, LABEL_COLUMNS - path.size() + 1));
            cellRows.get(r).forEach(cell -> row.add(figure(cell)));
            rows.add(row);
        }
        return new Table(rows);
    }

    /** Table 四: 行政复议 and 行政诉讼 (split in two) over their result columns, then one row of 15 figures. */
    Table reviewLitigation() {
        Map<String, List<Cell>> blocks = group(table("四"), Cell::rowLabel);
        List<TableCell> top = new ArrayList<>();
        List<TableCell> middle = new ArrayList<>();
        List<TableCell> bottom = new ArrayList<>();
        List<TableCell> figures = new ArrayList<>();
        Map<String, Integer> topSpans = new LinkedHashMap<>();
        blocks.forEach((rowLabel, cells) -> {
            String[] parts = rowLabel.split("/");
            topSpans.merge(parts[0], cells.size(), Integer::sum);
            if (parts.length == 1) {
                cells.forEach(cell -> middle.add(TableCell.text(header(cell.columnLabel())).span(2, 1)));
            } else {
                middle.add(TableCell.text(parts[1]).span(1, cells.size()));
                cells.forEach(cell -> bottom.add(TableCell.text(header(cell.columnLabel()))));
            }
            cells.forEach(cell -> figures.add(figure(cell)));
        });
        topSpans.forEach((label, span) -> top.add(TableCell.text(label).span(1, span)));
        return new Table(List.of(top, middle, bottom, figures));
    }

    /** A heading or label with the unit of an amount the form prints without one, where the report says it. */
    private String withUnit(Cell cell, String label, UnitPlace place) {
        return cell.unitInReport() ? report.withUnit(label, place) : label;
    }

    private TableCell figure(Cell cell) {
        return TableCell.figure(report.text(cell));
    }

    /** A label as this report prints it: its own variant, and (一) in half-width brackets when the report does. */
    private String label(String official) {
        String printed = official;
        for (Map.Entry<String, String> variant : style.variants().entrySet()) {
            printed = printed.replace(variant.getKey(), variant.getValue());
        }
        return style.halfWidthNumbering() ? printed.replaceAll("（([一二三四五六七八九十]+)）", "($1) ") : printed;
    }

    private String parenthesised(String note) {
        return style.halfWidthNumbering() ? "(" + note + ")" : "（" + note + "）";
    }

    /** Table 四's column headers, in some reports spaced as their narrow cells wrap them (结果 维持, 尚 未 审 结). */
    private String header(String label) {
        if (!style.spacedHeaders()) {
            return label;
        }
        if (label.startsWith("尚") || label.length() == 2) {
            return String.join(" ", label.split(""));
        }
        return label.substring(0, 2) + " " + label.substring(2);
    }

    /**
     * The row labels of table 三 as paths of full labels: the form abbreviates a group it has named once
     * (三、本年度办理结果 becomes 三), so the full name is looked up by its number.
     */
    private static List<List<String>> rowLabels(List<String> rowLabels) {
        Map<String, String> fullByNumber = new HashMap<>();
        List<List<String>> paths = new ArrayList<>();
        for (String rowLabel : rowLabels) {
            List<String> path = new ArrayList<>();
            for (String part : rowLabel.split("/")) {
                int mark = part.indexOf('、');
                if (mark > 0) {
                    fullByNumber.put(part.substring(0, mark), part);
                }
                path.add(fullByNumber.getOrDefault(part, part));
            }
            paths.add(path);
        }
        return paths;
    }

    private static boolean samePrefix(List<String> a, List<String> b, int depth) {
        return a.size() > depth + 1 && b.size() > depth + 1 && a.subList(0, depth + 1).equals(b.subList(0, depth + 1));
    }

    /** How many of {@code width} columns the i-th of {@code count} cells takes: the last one takes the rest. */
    private static int spanOf(int i, int count, int width) {
        return i == count - 1 ? width - count + 1 : 1;
    }

    private List<Cell> table(String table) {
        return report.form().cells().stream().filter(cell -> cell.table().equals(table)).toList();
    }

    private static <K> Map<K, List<Cell>> group(List<Cell> cells, Function<Cell, K> key) {
        return cells.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }
}
