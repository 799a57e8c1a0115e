package io.gongkai.intake.service;

import io.gongkai.intake.api.StoredFeedPage;
import io.gongkai.intake.repository.FeedRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FeedService {

    private final FeedRepository feed;

    public FeedService(FeedRepository feed) {
        this.feed = feed;
    }

    public StoredFeedPage after(long cursor, int limit) {
        List<StoredFeedPage.Entry> entries = feed.after(cursor, limit);
        long next = entries.isEmpty() ? cursor : entries.get(entries.size() - 1).cursor();
        return new StoredFeedPage(entries, next);
    }
}
