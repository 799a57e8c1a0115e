package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.intake.imports.PrintedRows.PrintedRow;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures of table 二 that a report's own text states, such as "现行有效行政规范性文件698件": used only to choose
 * among the splits of figures that ran together, never to fill a cell. A figure stated twice differently is not used.
 */
final class TextFacts {

    /** Words between the keyword and the figure: within one clause, and short, so a match costs little. */
    private static final String CLAUSE = "[^。；;，,\\n]{0,20}?";
    private static final Map<String, Pattern> STATEMENTS = Map.of(
            "activeDisclosure.normativeDocuments.inForce", Pattern.compile("现行有效" + CLAUSE + "规范性文件(\\d{1,9})件"),
            "activeDisclosure.normativeDocuments.issued", Pattern.compile("(?:制发|印发|出台)" + CLAUSE + "规范性文件(\\d{1,9})件"),
            "activeDisclosure.normativeDocuments.repealed", Pattern.compile("废止" + CLAUSE + "规范性文件(\\d{1,9})件"),
            "activeDisclosure.regulations.inForce", Pattern.compile("现行有效" + CLAUSE + "规章(\\d{1,9})件"),
            "activeDisclosure.regulations.issued", Pattern.compile("(?:制发|制定|出台)" + CLAUSE + "规章(\\d{1,9})件"),
            "activeDisclosure.regulations.repealed", Pattern.compile("废止" + CLAUSE + "规章(\\d{1,9})件"));

    private final Map<String, BigDecimal> stated;

    private TextFacts(Map<String, BigDecimal> stated) {
        this.stated = stated;
    }

    static TextFacts of(String document) {
        Map<String, BigDecimal> stated = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        STATEMENTS.forEach((key, pattern) -> {
            Matcher m = pattern.matcher(document);
            while (m.find()) {
                BigDecimal value = new BigDecimal(m.group(1));
                BigDecimal before = stated.putIfAbsent(key, value);
                if (before != null && before.compareTo(value) != 0) {
                    conflicting.add(key);
                }
            }
        });
        conflicting.forEach(stated::remove);
        return new TextFacts(stated);
    }

    /** The readings of a row that agree with every figure the text states for its cells. */
    List<BigDecimal[]> filter(PrintedRow row, List<BigDecimal[]> readings) {
        return readings.stream().filter(reading -> {
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                BigDecimal value = stated.get(cell.key());
                if (value != null && (reading[i] == null || reading[i].compareTo(value) != 0)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
