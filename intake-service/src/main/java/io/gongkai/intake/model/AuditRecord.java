package io.gongkai.intake.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One write attempt: who, with which role and scope, from where, on what, and how it ended. Immutable. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    public enum Outcome {
        ACCEPTED, REPLAYED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(updatable = false)
    public String principal;

    @Column(updatable = false)
    public String role;

    @Column(updatable = false)
    public String scope;

    @Column(name = "client_address", updatable = false)
    public String clientAddress;

    @Column(name = "unit_code", updatable = false)
    public String unitCode;

    @Column(name = "report_year", updatable = false)
    public Integer year;

    @Column(updatable = false)
    public Integer version;

    @Column(name = "content_hash", updatable = false)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Outcome outcome;

    @Column(nullable = false, updatable = false)
    public int status;

    /** The ids of the rules a rejected attempt broke, comma separated. */
    @Column(name = "rule_ids", updatable = false)
    public String ruleIds;
}
