package io.gongkai.intake.service;

import io.gongkai.contracts.api.FeedEntry;
import io.gongkai.contracts.api.FeedPage;
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
    public FeedPage after(long cursor, int limit) {
        List<FeedEntry> entries = feed.after(cursor, limit).stream().map(VersionMapper::feedEntry).toList();
        long next = entries.isEmpty() ? cursor : entries.get(entries.size() - 1).cursor();
        return new FeedPage(entries, next);
    }
}
