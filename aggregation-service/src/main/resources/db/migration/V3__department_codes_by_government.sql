-- Intake now names each department <government code>-<LOCAL> (upper case) and has renamed the departments it had
-- stored. Totals and reports here are derived from intake's feed, so they are rebuilt from it rather than renamed:
-- the department units, reports and totals are dropped and the follower reads the feed again from the start.
DELETE FROM aggregate;
DELETE FROM unit_report;
DELETE FROM unit WHERE kind = 'DEPARTMENT';
UPDATE follower_state SET feed_cursor = 0, epoch = epoch + 1;

-- A renamed department code may reach 42 characters.
ALTER TABLE unit MODIFY code VARCHAR(48) NOT NULL;
ALTER TABLE unit MODIFY parent_code VARCHAR(48);
ALTER TABLE unit_report MODIFY unit_code VARCHAR(48) NOT NULL;
ALTER TABLE aggregate MODIFY unit_code VARCHAR(48) NOT NULL;
