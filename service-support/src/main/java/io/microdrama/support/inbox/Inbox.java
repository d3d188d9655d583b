package io.microdrama.support.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
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
        return sessions.withTransaction(session -> {
            List<IncomingEvent> firsts = new ArrayList<>(events.size());
            Uni<Void> inserted = Uni.createFrom().voidItem();
            for (IncomingEvent event : events) {
                inserted = inserted.chain(() -> firstDelivery(session, consumer, event).invoke(first -> {
                    if (first) {
                        firsts.add(event);
                    } else {
                        LOG.debugf("%s: duplicate event %s (%s) skipped", consumer, event.id(), event.type());
                    }
                }).replaceWithVoid());
            }
            return inserted.chain(() -> firsts.isEmpty() ? Uni.createFrom().voidItem() : work.apply(session, firsts));
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
