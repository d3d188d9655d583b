package io.microdrama.support.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.UUID;

/**
 * A CloudEvent as received from Kafka (binary mode): its id is the idempotency key. Decoding it is where the one
 * poison rule applies ({@link PoisonMessageException}): not a CloudEvent, no payload, a payload that does not match
 * the contract, a missing or ill-formed id.
 */
public record IncomingEvent(String id, String type, String subject, String payload) {

    /** Reads the CloudEvent attributes, or declares the message poison when it is not one of ours. */
    @SuppressWarnings("unchecked")
    public static IncomingEvent from(Message<String> message) {
        IncomingCloudEventMetadata<String> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonMessageException("not a CloudEvent (no ce_id / ce_type headers)"));
        if (message.getPayload() == null || message.getPayload().isBlank()) {
            throw new PoisonMessageException("CloudEvent " + cloudEvent.getId() + " has no payload");
        }
        return new IncomingEvent(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getSubject().orElse(null),
                message.getPayload());
    }

    /** Parses the payload; a payload that does not match the contract is poison, not a transient failure. */
    public <T> T payloadAs(ObjectMapper json, Class<T> type) {
        try {
            T value = json.readerFor(type).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(payload);
            if (value == null) {
                throw new PoisonMessageException("CloudEvent " + id + " has a null payload");
            }
            return value;
        } catch (java.io.IOException e) {
            throw new PoisonMessageException("CloudEvent " + id + " (" + type + ") payload does not match "
                    + type.getSimpleName() + ": " + shortMessage(e), e);
        }
    }

    /** An id field of the payload that must be a UUID; missing or ill-formed, the event is poison. */
    public UUID requireUuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("CloudEvent " + id + " (" + type + ") has no " + field);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("CloudEvent " + id + " (" + type + "): " + field + " is not a UUID: " + value);
        }
    }

    // Jackson's IOException subclasses carry the parser's message; keep it short for the DLQ header.
    private static String shortMessage(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
