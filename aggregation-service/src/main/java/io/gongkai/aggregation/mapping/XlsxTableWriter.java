package io.gongkai.aggregation.mapping;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * XLSX written row by row with POI's streaming workbook: at most {@link #WINDOW_ROWS} rows are held, older ones are
 * already compressed into the answer. It is the deferred flavour of SXSSF, which runs the rows through the zip stream
 * while it writes the workbook instead of parking them in a temporary file first: the first bytes leave at once
 * (a proxy waiting for them does not time out on the nation's export), nothing lands on disk, and the sheet is
 * compressed once.
 *
 * <p>Numbers are numeric cells when a double holds them exactly, that is when the double's shortest decimal (what
 * the file stores and Excel shows) is the same decimal: every count, and every fee of up to 15 significant digits.
 * Any other number is written as its exact decimal text rather than rounded, so the file never shows a figure the
 * service does not hold.
 */
public final class XlsxTableWriter implements TableWriter {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows one sheet can hold, the header included. */
    public static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Rows kept in memory before they are written out: a row of 213 cells weighs some 15 KB as POI objects. */
    static final int WINDOW_ROWS = 100;
    private static final int COLUMN_WIDTH_CHARACTERS = 14;

    private final DeferredSXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle fractionStyle;
    private SXSSFRow row;
    private int nextRow;
    private int nextColumn;

    private XlsxTableWriter(DeferredSXSSFWorkbook workbook, DeferredSXSSFSheet sheet) {
        this.sheet = sheet;
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        this.fractionStyle = workbook.createCellStyle();
        fractionStyle.setDataFormat(workbook.createDataFormat().getFormat("0.0#####"));
    }

    /** Writes the table as a one-sheet workbook to the stream; the stream stays open. */
    public static void write(String sheetName, Table table, OutputStream out) throws IOException {
        // Closing also disposes of what SXSSF keeps on disk (dispose() itself is deprecated): here nothing.
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(WINDOW_ROWS)) {
            DeferredSXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            sheet.setDefaultColumnWidth(COLUMN_WIDTH_CHARACTERS);
            sheet.createFreezePane(0, 1);
            // Styles are made before writing starts: the workbook writes its style part before the sheet's rows.
            XlsxTableWriter writer = new XlsxTableWriter(workbook, sheet);
            sheet.setRowGenerator(generated -> {
                writer.header(table);
                table.writeRows(writer);
            });
            workbook.write(out);
        }
    }

    private void header(Table table) {
        startRow();
        for (String column : table.header()) {
            SXSSFCell cell = row.createCell(nextColumn++);
            cell.setCellValue(column);
            cell.setCellStyle(headerStyle);
        }
        row = null;
    }

    @Override
    public void text(String value) {
        if (value == null || value.isEmpty()) {
            blank();
        } else {
            nextCell().setCellValue(value);
        }
    }

    @Override
    public void number(BigDecimal value) {
        SXSSFCell cell = nextCell();
        double approximation = value.doubleValue();
        if (!Double.isFinite(approximation) || BigDecimal.valueOf(approximation).compareTo(value) != 0) {
            cell.setCellValue(value.toPlainString());
            return;
        }
        cell.setCellValue(approximation);
        if (value.stripTrailingZeros().scale() > 0) {
            cell.setCellStyle(fractionStyle);
        }
    }

    @Override
    public void blank() {
        if (row == null) {
            startRow();
        }
        nextColumn++;
    }

    @Override
    public void endRow() {
        if (row == null) {
            startRow();
        }
        row = null;
    }

    private SXSSFCell nextCell() {
        if (row == null) {
            startRow();
        }
        return row.createCell(nextColumn++);
    }

    private void startRow() {
        row = sheet.createRow(nextRow++);
        nextColumn = 0;
    }
}
