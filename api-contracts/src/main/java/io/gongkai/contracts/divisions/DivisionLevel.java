package io.gongkai.contracts.divisions;

import io.gongkai.contracts.form.GovernmentLevel;

import java.util.Arrays;
import java.util.Optional;

/** The levels of the statistical division code, told apart by the code's length. */
public enum DivisionLevel {
    PROVINCE(2, GovernmentLevel.PROVINCE),
    CITY(4, GovernmentLevel.CITY),
    COUNTY(6, GovernmentLevel.COUNTY),
    TOWNSHIP(9, GovernmentLevel.TOWNSHIP);

    private final int codeLength;
    private final GovernmentLevel government;

    DivisionLevel(int codeLength, GovernmentLevel government) {
        this.codeLength = codeLength;
        this.government = government;
    }

    public int codeLength() {
        return codeLength;
    }

    public GovernmentLevel government() {
        return government;
    }

    public static Optional<DivisionLevel> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.codeLength == code.length()).findFirst();
    }
}
