package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How far intake's feed has been applied; a single row, written in the same transaction as the totals. */
@Entity
@Table(name = "follower_state")
public class FollowerState {

    public static final int SINGLETON_ID = 1;

    @Id
    public int id;

    /** The cursor of the last feed entry applied. */
    @Column(name = "feed_cursor")
    public long feedCursor;

    /** Incremented by each rebuild, so that a cursor seen before a rebuild never names the state after it. */
    public int epoch;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
