package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current version of one unit's report for one year, as intake's feed delivered it. */
@Entity
@Table(name = "unit_report")
public class UnitReport {

    @EmbeddedId
    public UnitYear id;

    public int version;

    @Column(name = "form_version")
    public String formVersion;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "feed_cursor")
    public long feedCursor;

    /** When intake accepted version 1: timeliness is judged by it, corrections do not make a report late. */
    @Column(name = "first_received_at")
    public Instant firstReceivedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "on_time")
    public boolean onTime;

    /** The cells as a compact JSON array of exact decimals, in the form's cell order. */
    public String cells;

    /** The warnings intake found on acceptance, as a JSON array of findings. */
    public String warnings;

    @Column(name = "warning_count")
    public int warningCount;

    /** X1/X2 findings against the same unit's current report of the year before, as a JSON array. */
    @Column(name = "cross_year")
    public String crossYear;

    @Column(name = "cross_year_count")
    public int crossYearCount;
}
