package io.microdrama.support.audit;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.support.config.EventingConfig;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;

/**
 * Records an action of a person or studio in the platform's audit trail: an {@code audit.recorded} event appended to
 * this service's outbox (topic {@code eventing.audit-topic}, the contract's {@code platform.audit.v1}) in the
 * caller's transaction, so a record exists exactly when the action committed. catalog
 * consumes the topic into its append-only {@code audit_record} table (ADR 0005). The one way every service records.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String AGGREGATE = "audit";

    private final Outbox outbox;
    private final Clock clock;
    private final String service;
    private final String topic;

    public AuditTrail(Outbox outbox, Clock clock, EventingConfig eventing) {
        this.outbox = outbox;
        this.clock = clock;
        this.service = serviceName(eventing.source());
        this.topic = eventing.auditTopic();
    }

    public Uni<Void> record(Mutiny.Session session, Actor actor, AuditRecorded.Action action, AuditSubject subject,
            String reason, AuditChanges changes) {
        AuditRecorded event = event(actor, action, subject, reason, changes, service, clock);
        return outbox.append(session, topic, AGGREGATE, subject.key(), CloudEventTypes.AUDIT_RECORDED,
                event).replaceWithVoid();
    }

    /** The event as it goes out; pure, so tests can check what a use case would record. */
    public static AuditRecorded event(Actor actor, AuditRecorded.Action action, AuditSubject subject, String reason,
            AuditChanges changes, String service, Clock clock) {
        return new AuditRecorded(actor.name(), actor.role(), action.name(), clock.instant(), service,
                subject.entityType(), subject.entityId(),
                subject.dramaId() == null ? null : subject.dramaId().toString(), subject.studioId(), subject.regions(),
                reason, changes.before(), changes.after());
    }

    /** {@code /catalog} → {@code catalog}. */
    static String serviceName(String source) {
        return source.startsWith("/") ? source.substring(1) : source;
    }
}
