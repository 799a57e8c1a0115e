package io.gongkai.intake.tools.backfill;

import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;

import java.util.List;

/**
 * The cells, rows and blocks the operator confirms a report left out because they were zero (--assume-zero). Intake
 * applies them only when storing: a draft still lists those cells as missing. So a draft counts as complete here when
 * its only errors are missing cells under these pointers, which is what intake settles when it stores.
 */
final class AssumedZero {

    /** The rule id of a cell the report does not give. */
    private static final String MISSING_CELL = "M";

    private final List<String> pointers;

    private AssumedZero(List<String> pointers) {
        this.pointers = pointers;
    }

    /** The pointers, each checked to be a cell, row or block of a form: a typo stops the run before it starts. */
    static AssumedZero of(List<String> pointers) throws UsageException {
        for (String pointer : pointers) {
            boolean known = Forms.all().stream().flatMap(form -> form.root().descendants().stream())
                    .map(FormNode::pointer).anyMatch(pointer::equals);
            if (!known) {
                throw new UsageException("--assume-zero " + pointer + " is no cell, row or block of the form;"
                        + " e.g. /reviewLitigation/review");
            }
        }
        return new AssumedZero(List.copyOf(pointers));
    }

    List<String> pointers() {
        return pointers;
    }

    /** Whether storing with these pointers settles the finding: a missing cell, every one of its pointers under one. */
    boolean settles(Finding finding) {
        return finding.rule().equals(MISSING_CELL) && !finding.pointers().isEmpty()
                && finding.pointers().stream().allMatch(this::covers);
    }

    private boolean covers(String cell) {
        return pointers.stream().anyMatch(pointer -> cell.equals(pointer) || cell.startsWith(pointer + "/"));
    }
}
