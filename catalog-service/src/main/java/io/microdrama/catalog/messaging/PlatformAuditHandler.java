package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.AuditLog;
import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;

/**
 * What happens when {@code audit.recorded} arrives (from any service): decoded here, stored once per event id by
 * {@link AuditLog#appendAll} (the records of one poll in one transaction). A record without who, what, when or on
 * what, or with a region that is not a country, is poison: it goes to the dead-letter topic instead of into the trail.
 */
@ApplicationScoped
public class PlatformAuditHandler {

    private final IncomingDelivery delivery;
    private final AuditLog auditLog;
    private final ObjectMapper json;

    public PlatformAuditHandler(IncomingDelivery delivery, AuditLog auditLog, ObjectMapper json) {
        this.delivery = delivery;
        this.auditLog = auditLog;
        this.json = json;
    }

    /**
     * Every record of one poll in one transaction, then acknowledged. Each publication brings catalog two or more
     * audit records, so one transaction each was a large share of catalog's work under load.
     */
    @Incoming("audit")
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return onRecords(batch.getRecords()).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    Uni<Void> onRecords(List<? extends Message<String>> records) {
        return delivery.handleAll(records, this::decode, auditLog::appendAll, auditLog::append);
    }

    AuditEntry decode(IncomingEvent event) {
        AuditRecorded record = event.payloadAs(json, AuditRecorded.class);
        require(event, "actor", record.actor());
        require(event, "actorRole", record.actorRole());
        require(event, "action", record.action());
        require(event, "service", record.service());
        require(event, "entityType", record.entityType());
        require(event, "entityId", record.entityId());
        if (record.occurredAt() == null) {
            throw new PoisonMessageException("CloudEvent " + event.id() + " has no occurredAt");
        }
        List<String> regions = record.regions() == null ? List.of() : record.regions();
        regions.forEach(region -> {
            if (!RegionGroups.isCountry(region)) {
                throw new PoisonMessageException("CloudEvent " + event.id() + ": region is not a country: " + region);
            }
        });
        return new AuditEntry(event.requireUuid("ce_id", event.id()), record.occurredAt(), record.actor(),
                record.actorRole(), record.action(), record.service(), record.entityType(), record.entityId(),
                record.dramaId() == null ? null : event.requireUuid("dramaId", record.dramaId()), record.studioId(),
                regions, record.reason(), jsonOrNull(record.before()), jsonOrNull(record.after()));
    }

    private static void require(IncomingEvent event, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("CloudEvent " + event.id() + " (" + event.type() + ") has no " + field);
        }
    }

    private String jsonOrNull(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("before/after cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
