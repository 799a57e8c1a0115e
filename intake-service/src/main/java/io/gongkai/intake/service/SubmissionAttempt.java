package io.gongkai.intake.service;

import jakarta.enterprise.context.RequestScoped;

/** What is known of the submission in the current request, for the audit record of a rejection. */
@RequestScoped
public class SubmissionAttempt {

    private String unitCode;
    private Integer year;

    void identify(String unitCode, Integer year) {
        this.unitCode = unitCode;
        this.year = year;
    }

    public String unitCode() {
        return unitCode;
    }

    public Integer year() {
        return year;
    }
}
