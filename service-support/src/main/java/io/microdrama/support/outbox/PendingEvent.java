package io.microdrama.support.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row the relay is about to send: what the Kafka record is made of. */
record PendingEvent(UUID id, String topic, String aggregateId, String type, OffsetDateTime timestamp, String payload,
        String tracingSpanContext) {
}
