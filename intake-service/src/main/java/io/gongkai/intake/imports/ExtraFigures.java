package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures printed among the tables that no row of the form took: an extra local row or table (信息处理费), a row the
 * form does not have (（六）其他处理 printed as one row), or figures left over after a row. Each is named with the
 * line it is on and the table it is in; none is read into a cell.
 */
final class ExtraFigures {

    static final String RULE = "IMPORT.EXTRA";
    /** Findings of this kind per document at most; one more says how many were left out. */
    static final int MAX_FINDINGS = 20;

    private ExtraFigures() {
    }

    static List<Finding> find(String document, int start, int end, List<RowReading> readings) {
        List<int[]> taken = new ArrayList<>();
        int applicationsStart = end;
        int reviewStart = end;
        for (RowReading reading : readings) {
            if (reading.run() != null) {
                taken.add(new int[] {reading.run().start(), reading.run().end()});
                if (reading.row().isApplications()) {
                    applicationsStart = Math.min(applicationsStart, reading.run().start());
                } else if (reading.row().isReviewLitigation()) {
                    reviewStart = reading.run().start();
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        int lastLine = -1;
        int extra = 0;
        for (int at = start; at < end; at++) {
            if (!isDigit(document.charAt(at))) {
                continue;
            }
            int from = at;
            while (at < end && isDigit(document.charAt(at))) {
                at++;
            }
            if (inside(taken, from) || isOrdinal(document, from, at)) {
                continue;
            }
            int lineStart = document.lastIndexOf('\n', from) + 1;
            if (lineStart == lastLine) {
                continue;
            }
            lastLine = lineStart;
            if (++extra > MAX_FINDINGS) {
                continue;
            }
            String table = from < applicationsStart ? "/activeDisclosure" : from < reviewStart ? "/applications" : "/reviewLitigation";
            int lineEnd = document.indexOf('\n', from);
            String context = document.substring(Math.max(lineStart, from - 40), lineEnd < 0 ? Math.min(document.length(), from + 40)
                    : Math.min(lineEnd, from + 40)).strip();
            findings.add(Finding.warning(RULE, table, null, RowReading.abbreviate(context),
                    "figures the form does not have, or that no row of it took, were printed here; they are not read"));
        }
        if (extra > MAX_FINDINGS) {
            findings.add(Finding.warning(RULE, "/applications", null, null, (extra - MAX_FINDINGS)
                    + " more lines with figures the form does not have"));
        }
        return findings;
    }

    private static boolean inside(List<int[]> ranges, int at) {
        for (int[] range : ranges) {
            if (at >= range[0] && at < range[1]) {
                return true;
            }
        }
        return false;
    }

    /** A label's number, "2." or "2、" followed by its words, is no figure. */
    private static boolean isOrdinal(String document, int from, int to) {
        return to - from <= 2 && to + 1 < document.length() && (document.charAt(to) == '.' || document.charAt(to) == '、')
                && !isDigit(document.charAt(to + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
