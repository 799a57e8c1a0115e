package io.gongkai.contracts.form;

/** An error rejects a submission; a warning is accepted, returned and kept with the version. */
public enum Severity {
    ERROR, WARNING
}
