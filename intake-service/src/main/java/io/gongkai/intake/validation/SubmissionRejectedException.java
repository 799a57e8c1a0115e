package io.gongkai.intake.validation;

import io.gongkai.contracts.form.Finding;

import java.util.List;

/** A submission that cannot be accepted, with every finding against it. */
public class SubmissionRejectedException extends RuntimeException {

    /** A problem lists at most this many findings (the form has 200 cells); the message counts them all. */
    static final int MAX_FINDINGS = 400;

    private final int status;
    private final String problemType;
    private final List<Finding> findings;

    public SubmissionRejectedException(int status, String problemType, String message, List<Finding> findings) {
        super(findings.size() > MAX_FINDINGS ? message + " (the first " + MAX_FINDINGS + " are listed)" : message);
        this.status = status;
        this.problemType = problemType;
        this.findings = List.copyOf(findings.size() > MAX_FINDINGS ? findings.subList(0, MAX_FINDINGS) : findings);
    }

    /** 400: the body is not a well-formed submission of the form. */
    public static SubmissionRejectedException malformed(List<Finding> findings) {
        return new SubmissionRejectedException(400, "malformed-submission",
                findings.size() + " finding(s): the submission does not have the shape of the form", findings);
    }

    /** 422: well formed, but the numbers break the form's arithmetic rules. */
    public static SubmissionRejectedException ruleViolations(List<Finding> findings) {
        return new SubmissionRejectedException(422, "rule-violations",
                findings.size() + " violation(s) of the form's arithmetic rules (勾稽关系)", findings);
    }

    /** 413: the body is over the limit; it was not parsed. */
    public static SubmissionRejectedException tooLarge(long bytes, long limit) {
        return new SubmissionRejectedException(413, "body-too-large", "the body has " + bytes
                + " bytes; a submission may have at most " + limit, List.of());
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return problemType;
    }

    public List<Finding> findings() {
        return findings;
    }
}
