package io.microdrama.support.inbox;

/**
 * A message that can never be processed: dead-letter it at once, no retry. This is the one poison rule of every
 * consumer, applied while an event is decoded (see {@link IncomingEvent}): not a CloudEvent, no payload, a payload
 * that is not the contract's JSON, a missing or ill-formed id, an event type the topic does not carry. Every other
 * failure is taken as transient and retried (see {@link IncomingDelivery}).
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
