-- A year may have reports in two forms (an explicit formVersion other than the year's default), and cells of
-- different forms mean different things: a unit's total for a year is kept per form. The totals stored so far are
-- each in one form already, so widening the key keeps them as they are.
ALTER TABLE aggregate DROP PRIMARY KEY;
ALTER TABLE aggregate ADD PRIMARY KEY (unit_code, report_year, form_version);
