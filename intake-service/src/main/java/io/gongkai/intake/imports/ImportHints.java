package io.gongkai.intake.imports;

/**
 * What the operator says about a report, each optional: the title is read for what is not given.
 *
 * @param unitCode   the unit whose report it is (a department's code needs its government as parentCode)
 * @param parentCode a department's government
 * @param year       the report year
 */
public record ImportHints(String unitCode, String parentCode, Integer year) {

    public static final ImportHints NONE = new ImportHints(null, null, null);
}
