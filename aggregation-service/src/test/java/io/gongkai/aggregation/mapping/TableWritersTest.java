package io.gongkai.aggregation.mapping;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The encodings alone, on a small table, read back with Commons CSV and POI. */
class TableWritersTest {

    static final List<String> HEADER = List.of("name", "count", "fee");
    static final String TRICKY = "城关区\"发改\"局, 一科\r\n二科";

    /** Rows: a tricky name; a formula-like name; a blank row of figures; numbers a double holds or not. */
    static final Table TABLE = new Table() {
        @Override
        public List<String> header() {
            return HEADER;
        }

        @Override
        public void writeRows(TableWriter writer) throws IOException {
            writer.text(TRICKY);
            writer.number(new BigDecimal("999999999"));
            writer.number(new BigDecimal("12.345678"));
            writer.endRow();
            writer.text("=1+1");
            writer.number(new BigDecimal("1E+2"));
            writer.number(new BigDecimal("999999999999.999999"));
            writer.endRow();
            writer.text("-");
            writer.blank();
            writer.blank();
            writer.endRow();
        }
    };

    @Test
    void csvIsRfc4180WithAByteOrderMarkPlainNumbersAndDefusedFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(TABLE, out);
        byte[] bytes = out.toByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("name,count,fee\r\n").endsWith("\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).values()).containsExactly(TRICKY, "999999999", "12.345678");
        assertThat(rows.get(2).values()).containsExactly("'=1+1", "100", "999999999999.999999");
        assertThat(rows.get(3).values()).containsExactly("'-", "", "");
    }

    @Test
    void xlsxWritesNumbersADoubleHoldsAsNumbersAndOthersAsTheirExactText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTableWriter.write("640402 2023", TABLE, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("640402 2023");
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("fee");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(TRICKY);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(999_999_999d);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(first.getCell(2).getNumericCellValue())).isEqualByComparingTo("12.345678");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getCellType()).as("a formula-like text stays text").isEqualTo(CellType.STRING);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(100d);
            Cell unsafe = second.getCell(2);
            assertThat(unsafe.getCellType()).as("18 significant digits: no double holds them").isEqualTo(CellType.STRING);
            assertThat(unsafe.getStringCellValue()).isEqualTo("999999999999.999999");
            Row blanks = sheet.getRow(3);
            assertThat(blanks.getCell(0).getStringCellValue()).isEqualTo("-");
            assertThat(blanks.getCell(1)).as("a blank is no cell, not a zero").isNull();
            assertThat(blanks.getCell(2)).isNull();
        }
    }
}
