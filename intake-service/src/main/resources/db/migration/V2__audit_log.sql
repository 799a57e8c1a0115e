-- Every write attempt: accepted, replayed or rejected. Rows are never updated or deleted.
CREATE TABLE audit_record (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    recorded_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    principal      VARCHAR(200),
    role           VARCHAR(32),
    scope          VARCHAR(32),
    client_address VARCHAR(64),
    unit_code      VARCHAR(32),
    report_year    INT,
    version        INT,
    content_hash   CHAR(64),
    outcome        VARCHAR(16)  NOT NULL,
    status         INT          NOT NULL,
    rule_ids       VARCHAR(500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_record_unit ON audit_record (unit_code, recorded_at);
CREATE INDEX ix_audit_record_time ON audit_record (recorded_at);
