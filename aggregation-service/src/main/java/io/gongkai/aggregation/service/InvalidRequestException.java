package io.gongkai.aggregation.service;

/** A request the service cannot answer as asked (e.g. a year before the first form). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
