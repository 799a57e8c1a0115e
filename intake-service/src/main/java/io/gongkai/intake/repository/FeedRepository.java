package io.gongkai.intake.repository;

import io.gongkai.intake.model.SubmissionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The change feed's tables. Positions are handed out by {@link #sequencePending} under a lock on the one
 * sequencer row, to versions already committed; so a position, once visible, is never preceded by a later one.
 */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager entityManager;

    public FeedRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Queues a new version for a feed position; part of the transaction that stores the version. */
    public void enqueue(long versionId) {
        entityManager.createNativeQuery("INSERT INTO feed_pending (version_id) VALUES (?1)")
                .setParameter(1, versionId).executeUpdate();
    }

    /**
     * Gives the next positions to committed, queued versions in id order; returns how many. Must run in its own
     * transaction: the lock on the sequencer row is held until it commits.
     */
    public int sequencePending(int batchSize) {
        long lastSeq = ((Number) entityManager
                .createNativeQuery("SELECT last_seq FROM feed_sequencer WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Number> pending = entityManager
                .createNativeQuery("SELECT version_id FROM feed_pending ORDER BY version_id")
                .setMaxResults(batchSize).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        String values = String.join(",", java.util.Collections.nCopies(pending.size(), "(?,?)"));
        var insert = entityManager.createNativeQuery("INSERT INTO feed_entry (seq, version_id) VALUES " + values);
        long seq = lastSeq;
        int parameter = 1;
        for (Number versionId : pending) {
            insert.setParameter(parameter++, ++seq);
            insert.setParameter(parameter++, versionId.longValue());
        }
        insert.executeUpdate();
        entityManager.createNativeQuery("DELETE FROM feed_pending WHERE version_id IN (?1)")
                .setParameter(1, pending.stream().map(Number::longValue).toList()).executeUpdate();
        entityManager.createNativeQuery("UPDATE feed_sequencer SET last_seq = ?1 WHERE id = 1")
                .setParameter(1, seq).executeUpdate();
        return pending.size();
    }

    /** Versions with a feed position after the cursor, in feed order, each with its position. */
    public List<Positioned> after(long cursor, int limit) {
        return entityManager.createQuery("select new io.gongkai.intake.repository.FeedRepository$Positioned(f.seq, v)"
                        + " from FeedPosition f, SubmissionVersion v where v.id = f.versionId and f.seq > :cursor"
                        + " order by f.seq", Positioned.class)
                .setParameter("cursor", cursor).setMaxResults(limit).getResultList();
    }

    public record Positioned(long cursor, SubmissionVersion version) {
    }
}
