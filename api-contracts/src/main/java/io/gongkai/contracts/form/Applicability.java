package io.gongkai.contracts.form;

/** Which reporting units a rule speaks about. */
public enum Applicability {
    ALL_UNITS,
    /** Townships, streets and county-level bodies, which cannot make 规章 (立法法). */
    COUNTY_LEVEL_AND_BELOW;

    public boolean appliesTo(GovernmentLevel level) {
        return this == ALL_UNITS || level == GovernmentLevel.COUNTY || level == GovernmentLevel.TOWNSHIP;
    }
}
