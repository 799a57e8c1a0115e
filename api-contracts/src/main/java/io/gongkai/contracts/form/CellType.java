package io.gongkai.contracts.form;

import java.math.BigDecimal;

/** What a cell holds: a count of items (件) or an amount of money (万元). */
public enum CellType {
    COUNT(0, new BigDecimal("999999999")),
    AMOUNT(6, new BigDecimal("999999999999.999999"));

    private final int maxScale;
    private final BigDecimal maxValue;

    CellType(int maxScale, BigDecimal maxValue) {
        this.maxScale = maxScale;
        this.maxValue = maxValue;
    }

    /** Decimal places a reported value may have: none for counts, six for amounts in 万元. */
    public int maxScale() {
        return maxScale;
    }

    /** The largest value one unit may report in a cell of this type. */
    public BigDecimal maxValue() {
        return maxValue;
    }

    static CellType fromDefinition(String type) {
        return switch (type) {
            case "int" -> COUNT;
            case "decimal" -> AMOUNT;
            default -> throw new IllegalArgumentException("unknown cell type '" + type + "'");
        };
    }
}
