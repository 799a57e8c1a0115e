package io.gongkai.aggregation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How intake's feed is followed. */
@ConfigMapping(prefix = "gongkai.feed")
public interface FeedConfig {

    /** Pause between polls when the last page was not full; a full page is followed at once. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Entries asked for per page, each page applied in one transaction (intake allows at most 1000). */
    @WithDefault("1000")
    int pageSize();

    /** Whether to follow the feed at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The bearer token sent to intake (a JWT with the "service" role from the identity provider; locally minted with
     * deploy/mint-token.sh service). Without it the feed is read anonymously, which a secured intake refuses.
     */
    Optional<String> token();

    /** A page that keeps failing to apply this many times in a row makes the service not ready. */
    @WithDefault("10")
    int stuckAttempts();

    /** A page that keeps failing to apply for this long makes the service not ready, however few the attempts. */
    @WithDefault("60s")
    Duration stuckAfter();
}
