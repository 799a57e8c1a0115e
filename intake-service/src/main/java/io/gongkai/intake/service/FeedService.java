package io.gongkai.intake.service;

import io.gongkai.intake.api.StoredFeedPage;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.repository.FeedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class FeedService {

    private final FeedRepository feed;

    public FeedService(FeedRepository feed) {
        this.feed = feed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredFeedPage after(long cursor, int limit) {
        List<StoredFeedPage.Entry> entries = feed.after(cursor, limit).stream().map(VersionMapper::feedEntry).toList();
        long next = entries.isEmpty() ? cursor : entries.get(entries.size() - 1).cursor();
        return new StoredFeedPage(entries, next);
    }
}
