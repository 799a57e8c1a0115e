package io.gongkai.intake.service;

import io.gongkai.intake.api.StoredFeedPage;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.repository.FeedRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FeedService {

    private final FeedRepository feed;
    private final IntakeConfig config;

    public FeedService(FeedRepository feed, IntakeConfig config) {
        this.feed = feed;
        this.config = config;
    }

    /** A page of at most {@code limit} versions and at most gongkai.intake.feed-page-bytes of reports. */
    public StoredFeedPage after(long cursor, int limit) {
        FeedRepository.Page page = feed.after(cursor, limit, config.feedPageBytes());
        List<StoredFeedPage.Entry> entries = page.entries();
        long next = entries.isEmpty() ? cursor : entries.get(entries.size() - 1).cursor();
        return new StoredFeedPage(entries, next, page.more(), Math.max(next, page.head()));
    }
}
