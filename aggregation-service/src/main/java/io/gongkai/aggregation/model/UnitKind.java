package io.gongkai.aggregation.model;

import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.form.GovernmentLevel;

/** What a unit of the hierarchy is. Townships and departments are the units expected to report. */
public enum UnitKind {
    NATION, PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT;

    public static UnitKind of(DivisionLevel level) {
        return switch (level) {
            case PROVINCE -> PROVINCE;
            case CITY -> CITY;
            case COUNTY -> COUNTY;
            case TOWNSHIP -> TOWNSHIP;
        };
    }

    /** Townships and departments count in expected/received; a government's own report only in the totals. */
    public boolean expectedToReport() {
        return this == TOWNSHIP || this == DEPARTMENT;
    }

    /** The level of a government unit; a department takes its government's level, which the caller supplies. */
    public GovernmentLevel governmentLevel() {
        return switch (this) {
            case NATION -> GovernmentLevel.NATIONAL;
            case PROVINCE -> GovernmentLevel.PROVINCE;
            case CITY -> GovernmentLevel.CITY;
            case COUNTY -> GovernmentLevel.COUNTY;
            case TOWNSHIP -> GovernmentLevel.TOWNSHIP;
            case DEPARTMENT -> throw new IllegalStateException("a department has its government's level");
        };
    }
}
