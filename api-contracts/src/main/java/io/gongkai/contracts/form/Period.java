package io.gongkai.contracts.form;

/** Which report a term of a cross-year rule reads: the report itself or the unit's report of the year before. */
public enum Period {
    CURRENT, PREVIOUS
}
