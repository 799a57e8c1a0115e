-- A version gets its feed position in the transaction that stores it: the writer of a batch holds the lock on the
-- feed_sequencer row, so positions still become visible in increasing order, with one row per version and no queue.
ALTER TABLE submission_version ADD COLUMN feed_seq BIGINT;

UPDATE submission_version
   SET feed_seq = (SELECT f.seq FROM feed_entry f WHERE f.version_id = submission_version.id);

-- Versions committed but not yet sequenced take the next positions, in id order.
UPDATE submission_version
   SET feed_seq = (SELECT s.last_seq FROM feed_sequencer s WHERE s.id = 1)
                + (SELECT COUNT(*) FROM feed_pending p WHERE p.version_id <= submission_version.id)
 WHERE id IN (SELECT version_id FROM feed_pending);

UPDATE feed_sequencer
   SET last_seq = (SELECT COALESCE(MAX(v.feed_seq), 0) FROM submission_version v)
 WHERE id = 1 AND last_seq < (SELECT COALESCE(MAX(v.feed_seq), 0) FROM submission_version v);

ALTER TABLE submission_version MODIFY feed_seq BIGINT NOT NULL;
CREATE UNIQUE INDEX uq_submission_version_feed ON submission_version (feed_seq);

DROP TABLE feed_entry;
DROP TABLE feed_pending;
