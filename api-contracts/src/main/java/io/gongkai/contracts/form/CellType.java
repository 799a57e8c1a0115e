package io.gongkai.contracts.form;

import java.math.BigDecimal;

/**
 * What a cell holds: a count of items (件, 项), a signed change in a count (2019's 本年增/减), or an amount of money.
 */
public enum CellType {
    COUNT(0, BigDecimal.ZERO, new BigDecimal("999999999")),
    SIGNED_COUNT(0, new BigDecimal("-999999999"), new BigDecimal("999999999")),
    AMOUNT(6, BigDecimal.ZERO, new BigDecimal("999999999999.999999"));

    private final int maxScale;
    private final BigDecimal minValue;
    private final BigDecimal maxValue;

    CellType(int maxScale, BigDecimal minValue, BigDecimal maxValue) {
        this.maxScale = maxScale;
        this.minValue = minValue;
        this.maxValue = maxValue;
    }

    /** Decimal places a reported value may have: none for counts, six for amounts in 万元. */
    public int maxScale() {
        return maxScale;
    }

    /** The smallest value one unit may report in a cell of this type: zero unless the cell is a change. */
    public BigDecimal minValue() {
        return minValue;
    }

    /** The largest value one unit may report in a cell of this type. */
    public BigDecimal maxValue() {
        return maxValue;
    }

    static CellType fromDefinition(String type) {
        return switch (type) {
            case "int" -> COUNT;
            case "signed-int" -> SIGNED_COUNT;
            case "decimal" -> AMOUNT;
            default -> throw new IllegalArgumentException("unknown cell type '" + type + "'");
        };
    }
}
