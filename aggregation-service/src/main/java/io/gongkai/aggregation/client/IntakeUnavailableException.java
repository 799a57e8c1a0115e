package io.gongkai.aggregation.client;

/** Intake did not answer the feed request usefully: down, slow or erring. The follower retries. */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
