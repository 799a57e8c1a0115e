package io.gongkai.intake.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One accepted version of a unit's report for a year. Immutable once stored. */
@Entity
@Table(name = "submission_version")
public class SubmissionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, updatable = false)
    public String unitCode;

    @Column(name = "report_year", nullable = false, updatable = false)
    public int year;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "unit_name", nullable = false, updatable = false)
    public String unitName;

    @Column(name = "parent_code", updatable = false)
    public String parentCode;

    @Column(name = "form_version", nullable = false, updatable = false)
    public String formVersion;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    /** The report in canonical JSON. */
    @Column(nullable = false, updatable = false, columnDefinition = "LONGTEXT")
    public String document;

    /** The version's position in the change feed, given in the transaction that stored it. */
    @Column(name = "feed_seq", nullable = false, updatable = false)
    public long feedSeq;

    /** Where the version came from: API (a client's JSON) or IMPORT (read from a published report). */
    @Column(nullable = false, updatable = false, length = 16)
    public String origin;

    /** The warnings found on acceptance, as a JSON array of findings. */
    @Column(nullable = false, updatable = false, columnDefinition = "LONGTEXT")
    public String warnings;
}
