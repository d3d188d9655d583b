package io.microdrama.support.inbox;

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
                    return inTraceOf(decoded.message(), () -> work.apply(session, decoded)).chain(session::flush);
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

    /** One statement for the whole batch: every row inserted unless present, and the ids that were new returned. */
    private Uni<List<IncomingEvent>> firstDeliveries(Mutiny.Session session, String consumer, List<IncomingEvent> events) {
        StringBuilder sql = new StringBuilder("insert into inbox_message (consumer, event_id, event_type, received_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:consumer, :id").append(i).append(", :type").append(i).append(", now())");
        }
        sql.append(" on conflict do nothing returning event_id");
        var insert = session.createNativeQuery(sql.toString(), String.class).setParameter("consumer", consumer);
        for (int i = 0; i < events.size(); i++) {
            insert.setParameter("id" + i, events.get(i).id()).setParameter("type" + i, events.get(i).type());
        }
        return insert.getResultList().map(inserted -> {
            Set<String> first = new HashSet<>(inserted);
            List<IncomingEvent> firsts = new ArrayList<>(first.size());
            for (IncomingEvent event : events) {
                if (first.remove(event.id())) { // remove: an id twice in one batch counts once
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
