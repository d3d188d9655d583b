package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.catalog.domain.AuditQuery;
import io.microdrama.catalog.persistence.AuditRecordRepository;
import io.microdrama.support.inbox.Inbox;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * The platform's audit trail (ADR 0005): every service's {@code audit.recorded} events are appended here once per
 * event id, and read back per drama, region and actor within the caller's scope. Nothing here changes or removes a
 * record.
 */
@ApplicationScoped
public class AuditLog {

    /** Inbox consumer name: an event id counts once. */
    public static final String CONSUMER = "catalog.platform-audit";

    private final Inbox inbox;
    private final Mutiny.SessionFactory sessions;
    private final AuditRecordRepository records;

    public AuditLog(Inbox inbox, Mutiny.SessionFactory sessions, AuditRecordRepository records) {
        this.inbox = inbox;
        this.sessions = sessions;
        this.records = records;
    }

    /** Stores one record, in one transaction with its inbox row (a redelivery stores nothing). */
    public Uni<Void> append(IncomingEvent event, AuditEntry entry) {
        return inbox.once(CONSUMER, event, session -> records.append(session, entry).replaceWithVoid());
    }

    /** Stores the records of one poll in one transaction with their inbox rows (redelivered ones store nothing). */
    public Uni<Void> appendAll(List<IncomingDelivery.Decoded<AuditEntry>> batch) {
        return inbox.onceEachInTurn(CONSUMER, batch,
                (session, decoded) -> records.append(session, decoded.value()).replaceWithVoid());
    }

    public Uni<AuditQuery.Page> page(AuditQuery query) {
        return sessions.withSession(session -> records.page(session, query));
    }
}
