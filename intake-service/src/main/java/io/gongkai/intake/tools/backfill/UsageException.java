package io.gongkai.intake.tools.backfill;

/** The command was called wrongly or with something unusable; nothing has been sent. Exit code 2. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
