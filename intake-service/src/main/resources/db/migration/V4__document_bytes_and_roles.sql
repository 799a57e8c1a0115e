-- Feed pages are bounded in bytes: each version records the size of its stored report, so a page can be cut
-- before the reports are read.
ALTER TABLE submission_version ADD COLUMN document_bytes INT NOT NULL DEFAULT 0;
UPDATE submission_version SET document_bytes = OCTET_LENGTH(document);

-- A caller may hold several roles; the audit trail lists them all, comma-separated.
ALTER TABLE audit_record MODIFY role VARCHAR(64);
