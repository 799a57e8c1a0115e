package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.PrintedGrid;
import io.gongkai.contracts.testing.ValidReports;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.DECREASE;
import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.INCREASE;
import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.PROCUREMENT;
import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.TRIAL_FORM;
import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.report;
import static io.gongkai.contracts.tables.OfficialTablesHtmlTest.trialReport;
import static org.assertj.core.api.Assertions.assertThat;

class OfficialTablesXlsxTest {

    static final FormDefinition FORM = ValidReports.FORM;

    @Test
    void aRandomReportReadsBackToTheLastDigitUnderTheSameHeadingsAndMergesAsTheHtml() throws IOException {
        for (int seed = 0; seed < 10; seed++) {
            CellValues values = ValidReports.random(new Random(seed), 1 + seed * 100);
            PrintedReport report = report("三营镇", values);
            List<PrintedGrid> html = PrintedGrid.fromHtml(Jsoup.parse(OfficialTablesHtml.document(report)));

            try (XSSFWorkbook workbook = read(OfficialTablesXlsx.workbook(report))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
                Map<String, String> printed = new HashMap<>();
                for (int t = 0; t < 3; t++) {
                    XSSFSheet sheet = workbook.getSheetAt(t);
                    PrintedGrid grid = PrintedGrid.fromSheet(sheet, OfficialTablesXlsx.GRID_TOP,
                            sheet.getRow(2).getCell(0).getStringCellValue());
                    assertThat(grid.spans()).as(sheet.getSheetName() + " merges as the HTML spans")
                            .isEqualTo(html.get(t).spans());
                    assertThat(grid).as(sheet.getSheetName() + " cell by cell").isEqualTo(html.get(t));
                    printed.putAll(grid.figuresByCell(FORM));
                }
                assertThat(printed).hasSize(200);
                for (Cell cell : FORM.cells()) {
                    assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(values.get(cell));
                }
            }
        }
    }

    @Test
    void aRandomTrialFormReportReadsBackToTheLastDigitAsNumbersWithChangesSigned() throws IOException {
        for (int seed = 0; seed < 5; seed++) {
            CellValues values = trialReport(seed);
            PrintedReport report = report("三营镇", 2020, values);
            List<PrintedGrid> html = PrintedGrid.fromHtml(Jsoup.parse(OfficialTablesHtml.document(report)));

            try (XSSFWorkbook workbook = read(OfficialTablesXlsx.workbook(report))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
                Map<String, String> printed = new HashMap<>();
                for (int t = 0; t < 3; t++) {
                    XSSFSheet sheet = workbook.getSheetAt(t);
                    PrintedGrid grid = PrintedGrid.fromSheet(sheet, OfficialTablesXlsx.GRID_TOP,
                            sheet.getRow(2).getCell(0).getStringCellValue());
                    assertThat(grid.spans()).as(sheet.getSheetName() + " merges as the HTML spans")
                            .isEqualTo(html.get(t).spans());
                    assertThat(grid.cells()).filteredOn(PrintedGrid.Placed::heading).as(sheet.getSheetName() + " headings")
                            .isEqualTo(html.get(t).cells().stream().filter(PrintedGrid.Placed::heading).toList());
                    printed.putAll(grid.figuresByCell(TRIAL_FORM));
                }
                assertThat(printed).hasSize(198);
                for (Cell cell : TRIAL_FORM.cells()) {
                    assertThat(new BigDecimal(printed.get(cell.key()))).as(cell.key()).isEqualByComparingTo(values.get(cell));
                }
                XSSFCell decrease = figureCell(workbook, DECREASE);
                assertThat(decrease.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(decrease.getNumericCellValue()).isEqualTo(-8d);
                assertThat(decrease.getCellStyle().getDataFormatString()).as("shown with its sign")
                        .isEqualTo(OfficialTablesXlsx.CHANGE_FORMAT);
                assertThat(figureCell(workbook, INCREASE).getNumericCellValue()).isEqualTo(1036d);
                XSSFCell amount = figureCell(workbook, PROCUREMENT);
                assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(amount.getCTCell().getV()).isEqualTo("123456789012.123456");
                assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("0.000000");
            }
        }
    }

    /** The sheet cell where the layout places a cell of the 2019 form. */
    private static XSSFCell figureCell(XSSFWorkbook workbook, String key) {
        for (OfficialTable table : OfficialTables.of(TRIAL_FORM)) {
            for (GridCell cell : table.values()) {
                if (cell.cell().key().equals(key)) {
                    return workbook.getSheet("表" + table.number()).getRow(OfficialTablesXlsx.GRID_TOP + cell.row())
                            .getCell(cell.column());
                }
            }
        }
        throw new AssertionError("no cell " + key);
    }

    @Test
    void figuresAreNumericCellsHoldingTheExactDecimalText() throws IOException {
        byte[] xlsx = OfficialTablesXlsx.workbook(report("三营镇", feeOf("123456789012.123456")));

        String sheetXml = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("<v>123456789012.123456</v>");
        try (XSSFWorkbook workbook = read(xlsx)) {
            XSSFCell fee = feeCell(workbook);
            assertThat(fee.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(fee.getCTCell().getV()).isEqualTo("123456789012.123456");
            assertThat(fee.getCellStyle().getDataFormatString()).isEqualTo("0.000000");
            XSSFCell count = workbook.getSheet("表三").getRow(OfficialTablesXlsx.GRID_TOP + 3).getCell(3);
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(1d);
        }
        assertThat(entry(OfficialTablesXlsx.workbook(report("三营镇", feeOf("5949.088667"))), "xl/worksheets/sheet1.xml"))
                .contains("<v>5949.088667</v>");
    }

    @Test
    void eachSheetIsTitledWithTheUnitTheYearAndTheTimeAndPrintsOnA4() throws IOException {
        try (XSSFWorkbook workbook = read(OfficialTablesXlsx.workbook(report("<b>三营镇</b>", CellValues.zero(FORM))))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("表二");
            XSSFSheet three = workbook.getSheet("表三");
            assertThat(three.getRow(0).getCell(0).getStringCellValue()).isEqualTo("<b>三营镇</b> 2023年政府信息公开工作年度报告");
            assertThat(three.getRow(1).getCell(0).getStringCellValue()).contains("640402100").contains("第 2 版")
                    .contains("2024-02-01 09:30:00");
            assertThat(three.getRow(2).getCell(0).getStringCellValue()).isEqualTo("三、收到和处理政府信息公开申请情况");
            assertThat(three.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(three.getRepeatingRows().formatAsString()).isEqualTo("4:6");
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).contains("三营镇");
        }
    }

    @Test
    void theSameReportGivesTheSameBytesAndTheWorkbookStaysSmall() {
        CellValues values = ValidReports.random(new Random(3), 1000);
        byte[] first = OfficialTablesXlsx.workbook(report("三营镇", values));
        byte[] second = OfficialTablesXlsx.workbook(report("三营镇", values));
        assertThat(second).isEqualTo(first);
        assertThat(first.length).isBetween(5_000, 40_000);
    }

    static CellValues feeOf(String fee) {
        CellValues.Builder values = CellValues.builder(FORM);
        FORM.cells().forEach(cell -> values.set(cell, BigDecimal.ONE));
        return values.set("activeDisclosure.fees.amountWanYuan", new BigDecimal(fee)).build();
    }

    private static XSSFCell feeCell(XSSFWorkbook workbook) {
        XSSFSheet two = workbook.getSheet("表二");
        return two.getRow(two.getLastRowNum()).getCell(1);
    }

    static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    static String entry(byte[] xlsx, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the workbook");
    }
}
