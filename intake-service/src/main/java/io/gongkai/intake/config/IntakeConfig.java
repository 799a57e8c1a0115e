package io.gongkai.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gongkai.intake")
public interface IntakeConfig {

    /** The largest submission body accepted, in bytes. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** The most submissions stored in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long a request waits for its submission's transaction before it answers 503. */
    @WithDefault("30s")
    java.time.Duration writeTimeout();
}
