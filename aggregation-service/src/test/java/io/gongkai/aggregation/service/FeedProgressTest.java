package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.FeedConfig;
import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The follower's progress takes how far the feed reaches from what intake says, not from the pages it has read. */
class FeedProgressTest {

    private final FeedProgress progress = new FeedProgress(new Config());

    @Test
    void theHeadIsWhatIntakeSaysEvenBeyondThePagesRead() {
        progress.at(100);
        FeedPage page = new FeedPage(List.of(entry(101), entry(102)), 102, true, 5_000);

        progress.read(page);
        progress.applied(page, true, 102, 2);

        FeedProgress.Snapshot now = progress.snapshot();
        assertThat(now.cursor()).isEqualTo(102);
        assertThat(now.head()).isEqualTo(5_000);
        assertThat(now.state()).isEqualTo(FeedProgress.State.CATCHING_UP);
    }

    @Test
    void theHeadNeverGoesBackAndIsNeverBehindTheCursor() {
        progress.at(10);
        progress.read(new FeedPage(List.of(), 10, false, 50));
        progress.read(new FeedPage(List.of(), 10, false, 20));
        assertThat(progress.snapshot().head()).isEqualTo(50);

        // An intake that does not send its head (an older version): the page's end is the best known.
        FeedPage old = new FeedPage(List.of(entry(60)), 60, false, 0);
        progress.read(old);
        progress.applied(old, false, 60, 1);
        assertThat(progress.snapshot().head()).isEqualTo(60);
        assertThat(progress.snapshot().state()).isEqualTo(FeedProgress.State.FOLLOWING);
    }

    private static FeedEntry entry(long cursor) {
        return new FeedEntry(cursor, "640402100", 2023, 1, "2021", "h" + cursor,
                OffsetDateTime.parse("2024-01-10T10:00:00+08:00"), List.of(), null);
    }

    private static final class Config implements FeedConfig {
        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int pageSize() {
            return 250;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Optional<String> token() {
            return Optional.empty();
        }

        @Override
        public int stuckAttempts() {
            return 10;
        }

        @Override
        public Duration stuckAfter() {
            return Duration.ofSeconds(60);
        }
    }
}
