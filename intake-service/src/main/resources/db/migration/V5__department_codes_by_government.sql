-- A department's code is namespaced by its government and upper case: <government code>-<LOCAL>. Departments
-- stored under a bare code take their government's code in front of it, so no two governments share one and no
-- two codes differ only in case. The stored reports stay as received (their content hash covers them); the feed
-- and every query use the code of the row. A bare code may be 32 characters, so the column grows to hold the prefix.
ALTER TABLE submission_version MODIFY unit_code VARCHAR(48) NOT NULL;
UPDATE submission_version SET unit_code = UPPER(unit_code)
    WHERE parent_code IS NOT NULL AND unit_code LIKE CONCAT(parent_code, '-%');
UPDATE submission_version SET unit_code = CONCAT(parent_code, '-', UPPER(unit_code))
    WHERE parent_code IS NOT NULL AND unit_code NOT LIKE CONCAT(parent_code, '-%');
