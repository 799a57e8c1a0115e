package io.gongkai.contracts.tables;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.Optional;

/**
 * The official tables as an XLSX workbook, one sheet per table (表二, 表三, 表四), each under the report's title: the
 * same grid and merged regions as the HTML, figures as numeric cells. A figure's stored value is its exact decimal
 * text, never a double: POI's {@code setCellValue(double)} would turn 123456789012.123456 into 123456789012.12346, so
 * the digits are written into the cell's value element themselves. Linear in the cells of the form.
 */
public final class OfficialTablesXlsx {

    /** Sheet rows above each table's grid: the report's title, the line under it and the table's title. */
    public static final int GRID_TOP = 3;

    /** Column widths in characters of the default font (a Chinese character takes two). */
    private static final int STUB_WIDTH = 24;
    private static final int FIGURE_WIDTH = 13;
    private static final float LINE_POINTS = 15f;
    /** Tables wider than this many columns print across the page. */
    private static final int PORTRAIT_COLUMNS = 10;
    private static final String FONT = "Microsoft YaHei";
    /** A change in a count (本年增/减) shows its sign, as the HTML prints it: +12, -8, 0. */
    static final String CHANGE_FORMAT = "+0;-0;0";

    private OfficialTablesXlsx() {
    }

    /** The workbook's bytes. The same report gives the same bytes: its creation time is the report's as-of time. */
    public static byte[] workbook(PrintedReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            for (OfficialTable table : OfficialTables.of(report.values().form())) {
                sheet(workbook.createSheet("表" + table.number()), table, report, styles);
            }
            workbook.getProperties().getCoreProperties().setTitle(report.title());
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(report.asOf().toInstant())));
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a workbook", e);
        }
    }

    private static void sheet(XSSFSheet sheet, OfficialTable table, PrintedReport report, Styles styles) {
        int width = table.columns();
        for (int c = 0; c < width; c++) {
            sheet.setColumnWidth(c, 256 * (c < table.stubColumns() ? STUB_WIDTH : FIGURE_WIDTH));
        }
        line(sheet, 0, width, report.title(), styles.title);
        line(sheet, 1, width, report.subtitle(), styles.subtitle);
        line(sheet, 2, width, table.title(), styles.tableTitle);
        for (int r = 0; r < table.rows().size(); r++) {
            sheet.createRow(GRID_TOP + r);
        }
        for (GridCell cell : table.cells()) {
            place(sheet, cell, report, styles);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            fitHeight(sheet, table, r);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(width > PORTRAIT_COLUMNS);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        if (table.headerRows() > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(GRID_TOP, GRID_TOP + table.headerRows() - 1, -1, -1));
        }
    }

    private static void line(XSSFSheet sheet, int row, int width, String text, XSSFCellStyle style) {
        XSSFCell cell = sheet.createRow(row).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, 0, width - 1));
        }
    }

    /** Writes a grid cell into its top-left sheet cell, borders every sheet cell it covers and merges them. */
    private static void place(XSSFSheet sheet, GridCell cell, PrintedReport report, Styles styles) {
        XSSFCellStyle style = styles.of(cell);
        for (int r = cell.row(); r <= cell.lastRow(); r++) {
            XSSFRow row = sheet.getRow(GRID_TOP + r);
            for (int c = cell.column(); c <= cell.lastColumn(); c++) {
                row.createCell(c).setCellStyle(style);
            }
        }
        XSSFCell first = sheet.getRow(GRID_TOP + cell.row()).getCell(cell.column());
        if (cell.isValue()) {
            String figure = OfficialTables.figure(report.values().get(cell.cell()));
            if (figure != null) {
                first.setCellValue(0d);
                first.getCTCell().setV(figure);
            }
        } else {
            first.setCellValue(cell.text());
        }
        if (cell.rowSpan() > 1 || cell.columnSpan() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(GRID_TOP + cell.row(), GRID_TOP + cell.lastRow(),
                    cell.column(), cell.lastColumn()));
        }
    }

    /**
     * Spreadsheets do not grow a row for wrapped text in merged cells, so a row is made as tall as its longest heading
     * needs in the width it has.
     */
    private static void fitHeight(XSSFSheet sheet, OfficialTable table, int r) {
        int lines = 1;
        for (GridCell cell : table.rows().get(r)) {
            if (cell.isValue() || cell.rowSpan() > 1) {
                continue;
            }
            int width = 0;
            for (int c = cell.column(); c <= cell.lastColumn(); c++) {
                width += c < table.stubColumns() ? STUB_WIDTH : FIGURE_WIDTH;
            }
            int usable = Math.max(1, width - 2);
            lines = Math.max(lines, (displayWidth(cell.text()) + usable - 1) / usable);
        }
        sheet.getRow(GRID_TOP + r).setHeightInPoints(lines * LINE_POINTS);
    }

    /** Width in characters of the default font: full-width characters (汉字, （）) take two. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x201C && c <= 0x201D) ? 2 : 1)
                .sum();
    }

    /** The few styles every sheet shares: a workbook holds each once. */
    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle subtitle;
        final XSSFCellStyle tableTitle;
        final XSSFCellStyle caption;
        final XSSFCellStyle columnHeading;
        final XSSFCellStyle rowHeading;
        final XSSFCellStyle count;
        final XSSFCellStyle amount;
        final XSSFCellStyle change;

        Styles(XSSFWorkbook workbook) {
            XSSFFont plain = font(workbook, 10, false);
            XSSFFont bold = font(workbook, 10, true);
            title = style(workbook, font(workbook, 14, true), HorizontalAlignment.CENTER, false);
            subtitle = style(workbook, font(workbook, 9, false), HorizontalAlignment.CENTER, false);
            tableTitle = style(workbook, font(workbook, 11, true), HorizontalAlignment.LEFT, false);
            caption = style(workbook, bold, HorizontalAlignment.LEFT, true);
            columnHeading = style(workbook, plain, HorizontalAlignment.CENTER, true);
            rowHeading = style(workbook, plain, HorizontalAlignment.LEFT, true);
            count = style(workbook, plain, HorizontalAlignment.RIGHT, true);
            count.setDataFormat(workbook.createDataFormat().getFormat("0"));
            amount = style(workbook, plain, HorizontalAlignment.RIGHT, true);
            amount.setDataFormat(workbook.createDataFormat().getFormat("0.000000"));
            change = style(workbook, plain, HorizontalAlignment.RIGHT, true);
            change.setDataFormat(workbook.createDataFormat().getFormat(CHANGE_FORMAT));
        }

        XSSFCellStyle of(GridCell cell) {
            return switch (cell.kind()) {
                case CAPTION -> caption;
                case CORNER, COLUMN_HEADING -> columnHeading;
                case ROW_HEADING -> rowHeading;
                case VALUE -> switch (cell.cell().type()) {
                    case COUNT -> count;
                    case SIGNED_COUNT -> change;
                    case AMOUNT -> amount;
                };
            };
        }

        private static XSSFFont font(XSSFWorkbook workbook, int points, boolean bold) {
            XSSFFont font = workbook.createFont();
            font.setFontName(FONT);
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private static XSSFCellStyle style(XSSFWorkbook workbook, XSSFFont font, HorizontalAlignment align, boolean boxed) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(align);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(boxed && align != HorizontalAlignment.RIGHT);
            if (boxed) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
