package io.gongkai.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gongkai.intake")
public interface IntakeConfig {

    /** The largest submission body accepted, in bytes. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** How often the feed sequencer looks for versions left without a feed position. */
    @WithDefault("1s")
    java.time.Duration sequencerInterval();
}
