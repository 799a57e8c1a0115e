package io.gongkai.intake.service;

/** The writer cannot take the submission now; it was not stored and never will be. Answered 503 with Retry-After. */
public class WriterBusyException extends RuntimeException {

    public WriterBusyException(String reason) {
        super(reason + "; nothing was stored, retry later");
    }
}
