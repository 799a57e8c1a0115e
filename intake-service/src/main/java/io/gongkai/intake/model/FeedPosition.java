package io.gongkai.intake.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version's position in the change feed. */
@Entity
@Table(name = "feed_entry")
public class FeedPosition {

    @Id
    public long seq;

    @Column(name = "version_id", nullable = false, updatable = false)
    public long versionId;
}
