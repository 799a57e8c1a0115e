package io.gongkai.intake.tools.backfill;

import io.gongkai.intake.imports.ImportHints;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the operator says about particular files, where a title does not say whose report it is or which year: a CSV
 * file with the header {@code file,unitCode,parentCode,year}, one row per file (its path relative to the folder); a
 * blank field leaves that part to the title. Excel saves CSV as UTF-8 with a byte order mark, or on Chinese Windows
 * as GBK, so both are read.
 */
final class ReportMapping {

    static final List<String> HEADER = List.of("file", "unitCode", "parentCode", "year");

    private static final ReportMapping NONE = new ReportMapping(Map.of());

    private final Map<String, ImportHints> byFile;

    private ReportMapping(Map<String, ImportHints> byFile) {
        this.byFile = byFile;
    }

    static ReportMapping none() {
        return NONE;
    }

    /** What the mapping says about a file, or nothing. */
    ImportHints hintsFor(String file) {
        return byFile.getOrDefault(file, ImportHints.NONE);
    }

    Set<String> files() {
        return byFile.keySet();
    }

    static ReportMapping read(Path file) throws UsageException {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UsageException("cannot read the mapping file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException("mapping file " + file + ", " + e.getMessage());
        }
        rows = rows.stream().filter(row -> !isBlank(row)).toList();
        if (rows.isEmpty()) {
            throw new UsageException("mapping file " + file + " is empty; its first row names the columns "
                    + String.join(",", HEADER));
        }
        Map<String, Integer> columns = columns(file, rows.get(0));
        Map<String, ImportHints> byFile = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String where = "mapping file " + file + ", row " + (i + 1);
            String name = normalised(field(row, columns, "file"));
            if (name == null) {
                throw new UsageException(where + ": the file is blank");
            }
            ImportHints hints = new ImportHints(field(row, columns, "unitCode"), field(row, columns, "parentCode"),
                    year(where, field(row, columns, "year")));
            if (byFile.put(name, hints) != null) {
                throw new UsageException(where + ": " + name + " is mapped twice");
            }
        }
        return new ReportMapping(Map.copyOf(byFile));
    }

    /** UTF-8 (with or without its byte order mark) when every byte says so, otherwise GB18030, GBK's superset. */
    private static String text(byte[] bytes) throws UsageException {
        boolean byteOrderMark = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text = decoded(bytes, byteOrderMark ? 3 : 0, StandardCharsets.UTF_8);
        if (text == null && !byteOrderMark) {
            text = decoded(bytes, 0, Charset.forName("GB18030"));
        }
        if (text == null) {
            throw new UsageException("the mapping file is neither UTF-8 nor GBK text");
        }
        return text;
    }

    private static String decoded(byte[] bytes, int start, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<String, Integer> columns(Path file, List<String> header) throws UsageException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        List<String> missing = HEADER.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new UsageException("mapping file " + file + ": the first row must name the columns "
                    + String.join(",", HEADER) + "; missing " + String.join(", ", missing));
        }
        return columns;
    }

    /** A field's value, stripped; null when blank or when the row is shorter. */
    private static String field(List<String> row, Map<String, Integer> columns, String name) {
        int column = columns.get(name);
        String value = column < row.size() ? row.get(column).strip() : "";
        return value.isEmpty() ? null : value;
    }

    /** A path as the folder's listing names it, whichever separator the spreadsheet's author used. */
    private static String normalised(String file) {
        if (file == null) {
            return null;
        }
        String name = file.replace('\\', '/');
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name;
    }

    private static Integer year(String where, String value) throws UsageException {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            throw new UsageException(where + ": the year is " + value + ", not a year such as 2023");
        }
        return Integer.valueOf(value);
    }

    private static boolean isBlank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }
}
