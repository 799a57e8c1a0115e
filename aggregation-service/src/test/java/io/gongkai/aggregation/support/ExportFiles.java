package io.gongkai.aggregation.support;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.ValidReports;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads exported files back as their users' tools do: CSV with Commons CSV, XLSX with POI. */
public final class ExportFiles {

    public static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** RFC 4180, the first record naming the columns. */
    public static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ExportFiles() {
    }

    /** A table read back: its header and its rows, each a map from header to the field's text ("" when blank). */
    public record Rows(List<String> header, List<Map<String, String>> rows) {

        public Map<String, String> row(String code) {
            return rows.stream().filter(r -> r.get("code").equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + code));
        }

        public List<String> codes() {
            return rows.stream().map(r -> r.get("code")).toList();
        }
    }

    /** A CSV export; fails unless it starts with the UTF-8 byte order mark. */
    public static Rows csv(byte[] body) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = csv(new ByteArrayInputStream(body), rows::add);
        return new Rows(header, rows);
    }

    /**
     * Reads a CSV export as it arrives, a row at a time (header → text), without holding it; fails unless it starts
     * with the UTF-8 byte order mark. Answers the header.
     */
    public static List<String> csv(InputStream body, Consumer<Map<String, String>> rows) {
        try (InputStream in = body) {
            if (!Arrays.equals(in.readNBytes(3), BYTE_ORDER_MARK)) {
                throw new AssertionError("no UTF-8 byte order mark at the start of the CSV");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(reader)) {
                for (CSVRecord record : parser) {
                    rows.accept(record.toMap());
                }
                return parser.getHeaderNames();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An XLSX export's first sheet, read whole with POI's user model: a numeric cell as the shortest decimal of its
     * double (what Excel shows), a text cell as its text, a missing or blank cell as "". Anything else (a formula)
     * fails the read: an export has none.
     */
    public static Rows xlsx(byte[] body) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(header.get(c), text(row.getCell(c)));
                }
                rows.add(values);
            }
            return new Rows(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an XLSX export's first sheet row by row with POI's event API, never holding the sheet: numbers as the
     * shortest decimal of their double, texts as they are, missing cells as "". Answers the header.
     */
    public static List<String> xlsx(Path file, Consumer<Map<String, String>> rows) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            SheetRows handler = new SheetRows(rows);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
                    handler, new ShortestDecimals(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
            return handler.header;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("could not read " + file, e);
        }
    }

    /** Numbers as the shortest decimal their double holds, whatever the cell's display format. */
    private static final class ShortestDecimals extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects each row's cells by column, the first row being the header. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<Map<String, String>> rows;
        private final List<String> header = new ArrayList<>();
        private String[] values;

        SheetRows(Consumer<Map<String, String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            values = new String[Math.max(header.size(), 1)];
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (header.isEmpty() && values.length <= column) {
                values = Arrays.copyOf(values, column + 1);
            }
            values[column] = value;
        }

        @Override
        public void endRow(int row) {
            if (header.isEmpty()) {
                header.addAll(Arrays.asList(values));
                return;
            }
            Map<String, String> named = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                named.put(header.get(c), values[c] == null ? "" : values[c]);
            }
            rows.accept(named);
        }
    }

    private static String text(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BLANK -> "";
            default -> throw new AssertionError("cell " + cell.getAddress() + " is a " + cell.getCellType());
        };
    }

    /** The official labels of the 2021 form's cells, in form order: the headers after an export's own columns. */
    public static List<String> labels() {
        return labels(ValidReports.FORM);
    }

    /** The official labels of a form's cells as held, in form order. */
    public static List<String> labels(FormDefinition form) {
        return form.cells().stream().map(Cell::heldLabel).toList();
    }

    /** The 2021 cells of a row, read under their labels; null when every one is blank, a failure when only some are. */
    public static CellValues cells(Map<String, String> row) {
        return cells(ValidReports.FORM, row::get);
    }

    public static CellValues cells(Function<String, String> byLabel) {
        return cells(ValidReports.FORM, byLabel);
    }

    /** The cells of a form in a row, read under their labels as held. */
    public static CellValues cells(FormDefinition form, Function<String, String> byLabel) {
        CellValues.Builder values = CellValues.builder(form);
        int blank = 0;
        for (Cell cell : form.cells()) {
            String text = byLabel.apply(cell.heldLabel());
            if (text == null || text.isEmpty()) {
                blank++;
            } else {
                values.set(cell, new BigDecimal(text));
            }
        }
        if (blank == form.cells().size()) {
            return null;
        }
        if (blank > 0) {
            throw new AssertionError(blank + " cells blank in a row that has figures");
        }
        return values.build();
    }
}
