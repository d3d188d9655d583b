package io.microdrama.support.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting to be (or already) published; written in the same transaction as the state change. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregatetype")
    public String aggregateType;

    @Column(name = "aggregateid")
    public String aggregateId;

    /** CloudEvents type, e.g. {@code io.microdrama.catalog.drama.published.v1}. */
    public String type;

    @Column(name = "\"timestamp\"")
    public Instant timestamp;

    public String payload;

    @Column(name = "tracingspancontext")
    public String tracingSpanContext;

    public String topic;

    /** A row of the service's bulk topic ({@code eventing.bulk-topic}): the relay sends it after every other pending row. */
    public boolean bulk;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
