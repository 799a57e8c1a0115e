package io.gongkai.aggregation.mapping;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;

import java.math.BigDecimal;

/**
 * Stores cells as a compact JSON array of exact decimals in the form's cell order, e.g. {@code [0,3,12.5,...]}:
 * about a tenth of the nested document, and read back without a JSON parser.
 */
public final class CellsCodec {

    private CellsCodec() {
    }

    public static String encode(CellValues values) {
        StringBuilder text = new StringBuilder(values.form().cells().size() * 4).append('[');
        for (Cell cell : values.form().cells()) {
            if (cell.index() > 0) {
                text.append(',');
            }
            text.append(values.get(cell).stripTrailingZeros().toPlainString());
        }
        return text.append(']').toString();
    }

    public static CellValues decode(FormDefinition form, String text) {
        String[] numbers = text.substring(1, text.length() - 1).split(",");
        if (numbers.length != form.cells().size()) {
            throw new IllegalStateException("stored cells have " + numbers.length + " values, form " + form.version()
                    + " has " + form.cells().size());
        }
        CellValues.Builder values = CellValues.builder(form);
        for (Cell cell : form.cells()) {
            values.set(cell, new BigDecimal(numbers[cell.index()]));
        }
        return values.build();
    }
}
