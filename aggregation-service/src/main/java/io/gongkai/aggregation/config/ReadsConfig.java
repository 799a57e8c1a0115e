package io.gongkai.aggregation.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How reads are answered from memory, and how much memory they may hold. */
@ConfigMapping(prefix = "gongkai.reads")
public interface ReadsConfig {

    /** How long a feed position read from the database is trusted before it is read again. */
    @WithDefault("100ms")
    Duration positionTtl();

    /** The most memory all rendered answers together may hold (a size such as 24M). */
    @WithDefault("24M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize answerCacheBytes();

    /** An answer larger than this is served but not kept, so that a few big answers cannot push out many small ones. */
    @WithDefault("1M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize answerMaxBytes();

    /** How long a rendered answer is kept at most. */
    @WithDefault("10m")
    Duration answerTtl();

    /** Children per page of a children table when the reader names no size. */
    @WithDefault("50")
    int childrenPageSize();

    /** The most children one page may ask for: a page of 100 rows of 200 cells renders to about 0.6 MB. */
    @WithDefault("100")
    int childrenMaxPageSize();

    /** Units per page of a list of units when the reader names no size. */
    @WithDefault("100")
    int unitsPageSize();

    /** The most units one page may ask for: a unit renders to about 150 bytes, so a page stays under 100 KB. */
    @WithDefault("500")
    int unitsMaxPageSize();
}
