-- Every accepted version of every unit's yearly report. Rows are never updated or deleted.
CREATE TABLE submission_version (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_code     VARCHAR(32)  NOT NULL,
    report_year   INT          NOT NULL,
    version       INT          NOT NULL,
    unit_name     VARCHAR(200) NOT NULL,
    parent_code   VARCHAR(9),
    form_version  VARCHAR(8)   NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    received_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    document      LONGTEXT     NOT NULL,
    warnings      LONGTEXT     NOT NULL,
    CONSTRAINT uq_submission_version UNIQUE (unit_code, report_year, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_submission_version_year_unit ON submission_version (report_year, unit_code);

-- Versions committed but not yet given a feed position. The sequencer empties it in commit order.
CREATE TABLE feed_pending (
    version_id BIGINT NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The feed: one position per accepted version, assigned under the sequencer lock, so positions become
-- visible in increasing order even though auto-increment ids commit out of order.
CREATE TABLE feed_entry (
    seq        BIGINT NOT NULL PRIMARY KEY,
    version_id BIGINT NOT NULL,
    CONSTRAINT uq_feed_entry_version UNIQUE (version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row: the last feed position handed out. Locked FOR UPDATE by the sequencer of any instance.
CREATE TABLE feed_sequencer (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO feed_sequencer (id, last_seq) VALUES (1, 0);
