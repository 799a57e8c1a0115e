package io.gongkai.intake.imports;

/**
 * What the operator says about a report, each optional: the title is read for what is not given.
 *
 * @param unitCode    the unit whose report it is (a department's code needs its government as parentCode)
 * @param parentCode  a department's government
 * @param year        the report year
 * @param formVersion the form to read the report against, a version {@link io.gongkai.contracts.form.Forms} knows;
 *                    by default the one in force for its year
 */
public record ImportHints(String unitCode, String parentCode, Integer year, String formVersion) {

    public static final ImportHints NONE = new ImportHints(null, null, null, null);

    /** What the operator says, the form left to the report's year. */
    public ImportHints(String unitCode, String parentCode, Integer year) {
        this(unitCode, parentCode, year, null);
    }
}
