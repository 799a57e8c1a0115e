package io.gongkai.intake.tools.backfill;

/**
 * One row of the summary: what became of one report file.
 *
 * @param file       the file's path relative to the folder, with / between names
 * @param unitCode   the unit intake read it as, or null when it could not say
 * @param unitName   that unit's name
 * @param year       the report year intake read it as, or null
 * @param outcome    what became of it
 * @param httpStatus intake's last answer, or null when nothing was sent or nothing answered
 * @param errors     error findings that stand in the way of storing it (1 for a refusal without findings)
 * @param warnings   warning findings
 * @param firstError the first of those errors in words, or null
 */
record FileResult(String file, String unitCode, String unitName, Integer year, Outcome outcome,
        Integer httpStatus, int errors, int warnings, String firstError) {

    /** A file that never reached a verdict on its content. */
    static FileResult without(String file, Outcome outcome, Integer httpStatus, String reason) {
        return new FileResult(file, null, null, null, outcome, httpStatus, 1, 0, reason);
    }
}
