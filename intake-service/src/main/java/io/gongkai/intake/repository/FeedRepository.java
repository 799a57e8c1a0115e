package io.gongkai.intake.repository;

import io.gongkai.intake.model.SubmissionVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The change feed: every version by its feed position. Positions are handed out by the submission writer under the
 * lock on the feed_sequencer row, in the transaction that stores the version; so a position, once visible, is never
 * preceded by a later one.
 */
@ApplicationScoped
public class FeedRepository implements PanacheRepository<SubmissionVersion> {

    /** Versions with a feed position after the cursor, in feed order. */
    public List<SubmissionVersion> after(long cursor, int limit) {
        return find("feedSeq > ?1", Sort.ascending("feedSeq"), cursor).page(Page.ofSize(limit)).list();
    }
}
