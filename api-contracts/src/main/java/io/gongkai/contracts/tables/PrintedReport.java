package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.CellValues;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What the official tables are printed for: whose figures, which year, what they are (a unit's version, a total) and
 * as of when. Unit names come from clients, so every text is cleaned of characters no document can hold (control
 * characters, lone surrogates) and cut to a sane length here; each renderer still escapes what it writes.
 *
 * @param unitName the unit's name as registered or reported
 * @param unitCode the unit's code
 * @param year     the report year
 * @param note     what the figures are, e.g. 第 2 版 or 汇总 5 份报告
 * @param asOf     when they were received or what state of the feed they reflect, in the zone to print
 * @param values   the figures; a cell may be absent and is then printed blank
 */
public record PrintedReport(String unitName, String unitCode, int year, String note, OffsetDateTime asOf,
        CellValues values) {

    /** Longer texts are cut: a name or note this long is no official one. */
    static final int MAX_TEXT = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(UTC'xxx')'");

    public PrintedReport {
        unitName = clean(unitName);
        unitCode = clean(unitCode);
        note = clean(note);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(values, "values");
    }

    /** The heading line: 三营镇 2023年政府信息公开工作年度报告. */
    public String title() {
        return unitName + " " + year + "年政府信息公开工作年度报告";
    }

    /** The line under it: code, what the figures are, and as of when. */
    public String subtitle() {
        return "单位代码 " + unitCode + "　" + note + "　数据截至 " + TIME.format(asOf);
    }

    /** The form's name, printed with the tables. */
    public String formTitle() {
        return values.form().title();
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT));
        for (int i = 0; i < text.length() && clean.length() < MAX_TEXT; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean loneSurrogate = Character.getType(c) == Character.SURROGATE;
            boolean invisible = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == 0xFFFE || c == 0xFFFF;
            if (!loneSurrogate && !invisible) {
                clean.appendCodePoint(c);
            }
        }
        return clean.toString().strip();
    }
}
