package io.microdrama.support.inbox;

/** A message that can never be processed (malformed, violates the contract): dead-letter it at once, no retry. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
