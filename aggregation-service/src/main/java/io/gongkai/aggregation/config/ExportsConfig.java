package io.gongkai.aggregation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How many exports of every reporting unit below a unit may run at once, and how they read the database. */
@ConfigMapping(prefix = "gongkai.exports")
public interface ExportsConfig {

    /**
     * Exports streaming at once; one more is answered 503. Each holds a worker thread and a few MB for as long as its
     * client reads (the nation's CSV is about 25 MB, its XLSX 30 MB; each takes some seconds).
     */
    @WithDefault("2")
    int maxConcurrent();

    /** Units read from the database per query (keyset by code), each in its own short transaction. */
    @WithDefault("1000")
    int chunkUnits();

    /** What a client refused for lack of a free export is told to wait (Retry-After). */
    @WithDefault("30s")
    Duration retryAfter();
}
