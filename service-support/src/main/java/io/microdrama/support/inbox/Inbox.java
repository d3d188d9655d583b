package io.microdrama.support.inbox;

import io.microdrama.support.query.QueryPlans;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most once per CloudEvent id and consumer: the inbox row is inserted first, in the same transaction as the use
 * case's effects (and any outbox rows it appends); a redelivered event finds the row and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final Mutiny.SessionFactory sessions;

    public Inbox(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Runs {@code work} in a new transaction, unless {@code consumer} already processed {@code event}. */
    public Uni<Void> once(String consumer, IncomingEvent event, Function<Mutiny.Session, Uni<Void>> work) {
        return sessions.withTransaction(session -> firstDelivery(session, consumer, event)
                .flatMap(first -> first ? work.apply(session) : skipDuplicate(consumer, event)));
    }

    /**
     * The same for the events of one batch, in one transaction: {@code work} gets the events this consumer has not
     * processed before (an id seen earlier, or twice in the batch, is left out), in their order.
     */
    public Uni<Void> onceEach(String consumer, List<IncomingEvent> events,
            BiFunction<Mutiny.Session, List<IncomingEvent>, Uni<Void>> work) {
        return sessions.withTransaction(session -> firstDeliveries(session, consumer, events)
                .flatMap(firsts -> firsts.isEmpty() ? Uni.createFrom().voidItem() : work.apply(session, firsts)));
    }

    /**
     * The records of one batch in one transaction, for use cases that apply one event at a time: {@code work} runs
     * for each record this consumer has not processed before, in arrival order, on the same session, which is
     * flushed after each so the next one reads what the previous one wrote (two versions of one drama in one poll).
     * One commit and one inbox statement per batch instead of per record.
     * <p>
     * After its flush a record's entities are detached ({@code clear}): every flush dirty-checks every entity the
     * session holds, so a batch that kept them would cost work quadratic in its size (record 100 of a poll checking
     * the entities of the 99 before it). What a later record needs, it reads again, flushed, in the same transaction.
     */
    public <T> Uni<Void> onceEachInTurn(String consumer, List<IncomingDelivery.Decoded<T>> batch,
            BiFunction<Mutiny.Session, IncomingDelivery.Decoded<T>, Uni<Void>> work) {
        Map<String, IncomingDelivery.Decoded<T>> byEventId = new HashMap<>();
        batch.forEach(decoded -> byEventId.putIfAbsent(decoded.event().id(), decoded));
        List<IncomingEvent> events = batch.stream().map(IncomingDelivery.Decoded::event).toList();
        // One after another through a Multi, not a chain of Unis built in a loop: a step that completes at once (nothing
        // to flush) would nest the next one inside it, and a few hundred such steps overflow the event loop's stack.
        return onceEach(consumer, events, (session, firsts) -> Multi.createFrom().iterable(firsts)
                .onItem().transformToUniAndConcatenate(first -> {
                    IncomingDelivery.Decoded<T> decoded = byEventId.get(first.id());
                    return inTraceOf(decoded.message(), () -> work.apply(session, decoded)).chain(session::flush)
                            .invoke(session::clear);
                })
                .collect().last().replaceWithVoid());
    }

    /**
     * Runs one record's work as part of that record's trace (the span the Kafka connector opened for it), as a record
     * consumed alone would be: the outbox rows it appends then continue the trace of the event that caused them. The
     * context stays current on this Vert.x context until the work completes, since the rows are appended after I/O.
     */
    private static Uni<Void> inTraceOf(Message<?> record, Supplier<Uni<Void>> work) {
        Optional<Context> trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext);
        if (trace.isEmpty()) {
            return work.get();
        }
        Scope scope = trace.get().makeCurrent();
        return Uni.createFrom().deferred(work::get).eventually(scope::close);
    }

    /**
     * One statement for the whole batch: every row inserted unless present. It returns its count, not the new ids: a
     * native query that returns rows stores a new query plan at every execution ({@link QueryPlans}), and under load the
     * cache filled with copies of this insert (catalog's {@code QueryPlanCacheIT}). When every distinct id was
     * inserted, the usual case, all are first deliveries; otherwise (a redelivery) the rows this transaction wrote are
     * read back.
     */
    private Uni<List<IncomingEvent>> firstDeliveries(Mutiny.Session session, String consumer, List<IncomingEvent> events) {
        Map<String, IncomingEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event)); // an id twice in one batch counts once
        List<IncomingEvent> candidates = List.copyOf(byId.values());
        StringBuilder sql = new StringBuilder("insert into inbox_message (consumer, event_id, event_type, received_at) values ");
        for (int i = 0; i < candidates.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:consumer, :id").append(i).append(", :type").append(i).append(", now())");
        }
        sql.append(" on conflict do nothing");
        var insert = session.createNativeQuery(sql.toString()).setParameter("consumer", consumer);
        for (int i = 0; i < candidates.size(); i++) {
            insert.setParameter("id" + i, candidates.get(i).id()).setParameter("type" + i, candidates.get(i).type());
        }
        return insert.executeUpdate().flatMap(inserted -> inserted == candidates.size()
                ? Uni.createFrom().item(candidates)
                : insertedHere(session, consumer, candidates));
    }

    /**
     * The candidates whose inbox row this transaction inserted: a row's {@code xmin} is the id of the transaction that
     * wrote it. The list parameter also keeps this query out of the plan cache (Hibernate caches no native query
     * with a multi-valued parameter), so it cannot fill it either.
     */
    private static Uni<List<IncomingEvent>> insertedHere(Mutiny.Session session, String consumer, List<IncomingEvent> candidates) {
        return session.createNativeQuery("select event_id from inbox_message where consumer = :consumer "
                        + "and event_id in (:ids) and xmin = pg_current_xact_id()::xid", String.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", candidates.stream().map(IncomingEvent::id).toList())
                .getResultList()
                .map(inserted -> {
                    Set<String> first = new HashSet<>(inserted);
                    List<IncomingEvent> firsts = new ArrayList<>(first.size());
                    for (IncomingEvent event : candidates) {
                        if (first.contains(event.id())) {
                            firsts.add(event);
                        } else {
                            LOG.debugf("%s: duplicate event %s (%s) skipped", consumer, event.id(), event.type());
                        }
                    }
                    return firsts;
                });
    }

    private Uni<Boolean> firstDelivery(Mutiny.Session session, String consumer, IncomingEvent event) {
        return session.createNativeQuery("insert into inbox_message (consumer, event_id, event_type, received_at) "
                        + "values (:consumer, :id, :type, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private static Uni<Void> skipDuplicate(String consumer, IncomingEvent event) {
        LOG.debugf("%s: duplicate event %s (%s) skipped", consumer, event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
