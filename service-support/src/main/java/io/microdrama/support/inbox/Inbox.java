package io.microdrama.support.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

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
