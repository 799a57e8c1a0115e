package io.gongkai.aggregation.api;

/** Where a check finding comes from. */
public enum CheckCategory {
    /** A warning intake found when it accepted the current version (e.g. R2.2). */
    REPORT_WARNING,
    /** X1 or X2 between the unit's current reports of the year and the year before, recomputed here. */
    CROSS_YEAR,
    /** A township or department without a report. */
    MISSING
}
