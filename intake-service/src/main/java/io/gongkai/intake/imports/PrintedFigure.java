package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What one figure printed for a cell may look like, by the cell's type: a count (0, 179, 1,234), a signed change
 * (-8, +1036; the minus signs reports print are normalised to "-" with the line), an amount (251000, 25.1).
 * Counts may show decimals here: validation names a count that is no whole number.
 */
final class PrintedFigure {

    static final Pattern NUMBER = Pattern.compile("(0|[1-9]\\d{0,17})(\\.\\d{1,12})?");
    static final Pattern GROUPED = Pattern.compile("[1-9]\\d{0,2}(,\\d{3})+(\\.\\d{1,12})?");
    private static final Pattern SIGNED = Pattern.compile("[+-]?(0|[1-9]\\d{0,17})");
    /** Parts of a run that lost its spaces: whole numbers, a signed one, or an amount with its decimals. */
    private static final Pattern WHOLE = Pattern.compile("0|[1-9]\\d{0,14}");
    private static final Pattern SIGNED_WHOLE = Pattern.compile("[+-]?(0|[1-9]\\d{0,14})");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9]\\d{0,14})(\\.\\d{1,12})?");
    /** The characters a run of figures of a row with signed cells or amounts may hold once its spaces are gone. */
    private static final Pattern RUN = Pattern.compile("[0-9.+-]{1,60}");

    private PrintedFigure() {
    }

    /** The value of a figure printed apart for a cell, or null when it is no figure such a cell holds. */
    static BigDecimal value(Cell cell, String text) {
        if (NUMBER.matcher(text).matches() || cell.type() == CellType.SIGNED_COUNT && SIGNED.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (GROUPED.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", ""));
        }
        return null;
    }

    /** Whether a part of figures that ran together can be the whole figure of a cell of this type. */
    static boolean isPart(CellType type, CharSequence text) {
        return switch (type) {
            case COUNT -> WHOLE.matcher(text).matches();
            case SIGNED_COUNT -> SIGNED_WHOLE.matcher(text).matches();
            case AMOUNT -> AMOUNT.matcher(text).matches();
        };
    }

    /** Whether a token can be part of a run of figures that lost its spaces, in a row with signed cells or amounts. */
    static boolean isRun(String token) {
        return RUN.matcher(token).matches();
    }

    /** Whether any cell of these may print a sign before its figure. */
    static boolean signed(Iterable<Cell> cells) {
        for (Cell cell : cells) {
            if (cell.type() == CellType.SIGNED_COUNT) {
                return true;
            }
        }
        return false;
    }
}
