package io.gongkai.aggregation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.MonthDay;
import java.time.ZoneId;

/** How reporting status is judged and shown. */
@ConfigMapping(prefix = "gongkai.reporting")
public interface ReportingConfig {

    /** The deadline in the year after the report year; a report is on time when version 1 arrived by the end of it. */
    @WithDefault("--01-31")
    MonthDay deadline();

    /** The zone whose end of day closes the deadline. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The most missing units listed in one answer; the count is always exact. */
    @WithDefault("500")
    int missingLimit();
}
