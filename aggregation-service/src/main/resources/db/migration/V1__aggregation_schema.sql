-- The administrative hierarchy: divisions (loaded from the contracts' division table on first start) and
-- departments (registered from the feed). ancestry is the chain of codes from the nation down to the unit,
-- ending in '/', so a subtree is one index range: ancestry LIKE 'CN/64/6404/%'.
CREATE TABLE unit (
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    parent_code VARCHAR(40),
    ancestry    VARCHAR(255) NOT NULL,
    expected    INT          NOT NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_unit_parent ON unit (parent_code);
CREATE INDEX ix_unit_ancestry ON unit (ancestry);

-- The current version of each unit's report for a year, as the feed delivered it.
CREATE TABLE unit_report (
    unit_code         VARCHAR(40)  NOT NULL,
    report_year       INT          NOT NULL,
    version           INT          NOT NULL,
    form_version      VARCHAR(16)  NOT NULL,
    content_hash      VARCHAR(64)  NOT NULL,
    feed_cursor       BIGINT       NOT NULL,
    first_received_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    received_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    on_time           BOOLEAN      NOT NULL,
    cells             TEXT         NOT NULL,
    warnings          TEXT         NOT NULL,
    warning_count     INT          NOT NULL,
    cross_year        TEXT         NOT NULL,
    cross_year_count  INT          NOT NULL,
    PRIMARY KEY (unit_code, report_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_unit_report_year ON unit_report (report_year);

-- The total of every report in a unit's subtree (the unit's own included) for a year.
CREATE TABLE aggregate (
    unit_code    VARCHAR(40) NOT NULL,
    report_year  INT         NOT NULL,
    form_version VARCHAR(16) NOT NULL,
    cells        TEXT        NOT NULL,
    reports      INT         NOT NULL,
    received     INT         NOT NULL,
    on_time      INT         NOT NULL,
    late         INT         NOT NULL,
    PRIMARY KEY (unit_code, report_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- How far the feed has been applied. One row, locked by each batch transaction.
CREATE TABLE follower_state (
    id          INT          NOT NULL,
    feed_cursor BIGINT       NOT NULL,
    epoch       INT          NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO follower_state (id, feed_cursor, epoch, updated_at) VALUES (1, 0, 0, CURRENT_TIMESTAMP(6));
