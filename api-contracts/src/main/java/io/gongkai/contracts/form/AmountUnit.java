package io.gongkai.contracts.form;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit a report gives with an amount whose unit the form does not print (2019's 采购总金额). Amounts are held
 * and summed in 万元; 元 convert exactly.
 */
public enum AmountUnit {
    YUAN("元", 4),
    WAN_YUAN("万元", 0);

    private final String label;
    private final int placesToWanYuan;

    AmountUnit(String label, int placesToWanYuan) {
        this.label = label;
        this.placesToWanYuan = placesToWanYuan;
    }

    public String label() {
        return label;
    }

    /** The amount in 万元, exactly. */
    public BigDecimal toWanYuan(BigDecimal amount) {
        return amount.movePointLeft(placesToWanYuan);
    }

    public static Optional<AmountUnit> of(String label) {
        return Arrays.stream(values()).filter(u -> u.label.equals(label)).findFirst();
    }
}
