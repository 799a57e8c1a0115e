package io.gongkai.contracts.form;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The numbers of one report (or of a sum of reports), cell by cell, as exact decimals. A cell may be absent
 * while a submission is being validated; totals are always complete.
 */
public final class CellValues {

    private final FormDefinition form;
    private final BigDecimal[] values;

    private CellValues(FormDefinition form, BigDecimal[] values) {
        this.form = form;
        this.values = values;
    }

    /** Every cell zero: the total over no reports. */
    public static CellValues zero(FormDefinition form) {
        BigDecimal[] values = new BigDecimal[form.cells().size()];
        Arrays.fill(values, BigDecimal.ZERO);
        return new CellValues(form, values);
    }

    public static Builder builder(FormDefinition form) {
        return new Builder(form);
    }

    /** A builder holding these values, to make a report that differs from this one in a few cells. */
    public Builder toBuilder() {
        Builder copy = new Builder(form);
        System.arraycopy(values, 0, copy.values, 0, values.length);
        return copy;
    }

    public FormDefinition form() {
        return form;
    }

    /** The value of a cell, or null when the report does not give it. */
    public BigDecimal get(String key) {
        return values[form.requireCell(key).index()];
    }

    public BigDecimal get(Cell cell) {
        return values[cell.index()];
    }

    public boolean isComplete() {
        return Arrays.stream(values).allMatch(Objects::nonNull);
    }

    /**
     * The values as they enter a total: an amount whose report gave no unit ({@link Cell#unitInReport()}) cannot be
     * added to amounts in 万元, so it counts as zero there; validation warns about it on the report. Every other
     * cell must be present.
     */
    public CellValues forTotals() {
        BigDecimal[] result = values.clone();
        for (Cell cell : form.cells()) {
            if (result[cell.index()] == null && cell.unitInReport()) {
                result[cell.index()] = BigDecimal.ZERO;
            }
        }
        return new CellValues(form, result);
    }

    public CellValues plus(CellValues other) {
        return combine(other, BigDecimal::add);
    }

    public CellValues minus(CellValues other) {
        return combine(other, BigDecimal::subtract);
    }

    private CellValues combine(CellValues other, java.util.function.BinaryOperator<BigDecimal> op) {
        if (other.form != form) {
            throw new IllegalArgumentException("cannot combine form " + form.version() + " with " + other.form.version());
        }
        BigDecimal[] result = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = op.apply(require(i), other.require(i));
        }
        return new CellValues(form, result);
    }

    private BigDecimal require(int index) {
        BigDecimal value = values[index];
        if (value == null) {
            throw new IllegalStateException("cell " + form.cells().get(index).key() + " has no value");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CellValues other) || other.form != form) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            BigDecimal a = values[i];
            BigDecimal b = other.values[i];
            if (a == null ? b != null : b == null || a.compareTo(b) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = form.version().hashCode();
        for (BigDecimal value : values) {
            hash = 31 * hash + (value == null ? 0 : value.stripTrailingZeros().hashCode());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CellValues[");
        for (Cell cell : form.cells()) {
            BigDecimal value = values[cell.index()];
            if (value != null && value.signum() != 0) {
                text.append(cell.key()).append('=').append(value.toPlainString()).append(' ');
            }
        }
        return text.append(']').toString();
    }

    public static final class Builder {
        private final FormDefinition form;
        private final BigDecimal[] values;

        private Builder(FormDefinition form) {
            this.form = form;
            this.values = new BigDecimal[form.cells().size()];
        }

        public Builder set(String key, BigDecimal value) {
            return set(form.requireCell(key), value);
        }

        public Builder set(Cell cell, BigDecimal value) {
            values[cell.index()] = value;
            return this;
        }

        public CellValues build() {
            return new CellValues(form, values.clone());
        }
    }
}
