-- A version says where it came from: a client's JSON (API) or an import of a published report (IMPORT).
ALTER TABLE submission_version ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'API';

-- The published document an imported version was read from, kept as received for auditors. Written in the same
-- transaction as its version; never updated or deleted.
CREATE TABLE imported_document (
    unit_code   VARCHAR(48)  NOT NULL,
    report_year INT          NOT NULL,
    version     INT          NOT NULL,
    media_type  VARCHAR(120) NOT NULL,
    document    LONGBLOB     NOT NULL,
    CONSTRAINT pk_imported_document PRIMARY KEY (unit_code, report_year, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
