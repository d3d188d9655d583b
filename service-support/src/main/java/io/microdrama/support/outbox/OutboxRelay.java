package io.microdrama.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microdrama.support.config.EventingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka and marks each sent only after the broker acknowledged it
 * ({@code acks=all}, idempotent producer).
 * <p>
 * Several replicas may run this: a round first takes a transaction-scoped PostgreSQL advisory lock, so exactly
 * one replica publishes at a time and rows leave in commit order (per-drama order holds). A replica that dies
 * mid-round releases the lock with its connection, its rows stay pending and the next holder sends them.
 * While Kafka is down, the failing row records the error, the rows behind it wait, and rounds back off.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_QUERY = "select pg_try_advisory_xact_lock(hashtext('microdrama-outbox-relay'))";

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final EventingConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean shuttingDown;
    private volatile Duration backoff = Duration.ZERO;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel("outbox") MutinyEmitter<String> emitter,
            EventingConfig config, Clock clock, MeterRegistry metrics) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.config = config;
        this.clock = clock;
        this.published = metrics.counter("outbox.events.published");
        this.failed = metrics.counter("outbox.events.failed");
        Gauge.builder("outbox.events.pending", pending, AtomicLong::get).register(metrics);
        Gauge.builder("outbox.oldest.pending.age.seconds", oldestPendingAgeSeconds, AtomicLong::get).register(metrics);
    }

    // The first round waits a moment: the scheduler starts before the messaging channels are wired, and an early
    // round only logged SRMSG00019 ("unable to connect an emitter") at every start.
    @Scheduled(identity = "outbox-relay", every = "${eventing.relay.poll-interval:1s}",
            delayed = "${eventing.relay.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        if (shuttingDown || clock.instant().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        return relayPending().replaceWithVoid();
    }

    // A round that starts once shutdown has begun finds the channels gone (SRMSG00019); its rows wait for the next
    // start or another replica anyway.
    void stopRelaying(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    /** One relay round; returns how many rows were published. */
    public Uni<Integer> relayPending() {
        Context context = Vertx.currentContext();
        return sessions.withTransaction(session -> session.createNativeQuery(LOCK_QUERY, Boolean.class).getSingleResult()
                .flatMap(locked -> locked ? publishBatch(session, context) : Uni.createFrom().item(0)))
                .call(this::refreshGauges)
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay round failed: %s", failure.toString()))
                .onFailure().recoverWithItem(0);
    }

    private Uni<Integer> publishBatch(Mutiny.Session session, Context context) {
        return session.createQuery("from OutboxEvent e where e.sentAt is null order by e.timestamp, e.id", OutboxEvent.class)
                .setMaxResults(config.relay().batchSize())
                .getResultList()
                .flatMap(events -> publishInOrder(events, 0, context));
    }

    /** Sends rows one after another; the first failure stops the round so that later rows never overtake it. */
    private Uni<Integer> publishInOrder(List<OutboxEvent> events, int index, Context context) {
        if (index == events.size()) {
            backoff = Duration.ZERO;
            return Uni.createFrom().item(index);
        }
        OutboxEvent event = events.get(index);
        return send(event)
                // The broker acknowledges on a Kafka thread; the session may only be used on its own context.
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .onItem().transformToUni(ignored -> {
                    event.sentAt = clock.instant();
                    published.increment();
                    return publishInOrder(events, index + 1, context);
                })
                .onFailure().recoverWithUni(failure -> Uni.createFrom().item(() -> {
                    event.attempts++;
                    event.lastError = truncate(failure.toString());
                    failed.increment();
                    pauseAfterFailure(failure);
                    return index;
                }).emitOn(command -> context.runOnContext(ignored -> command.run())));
    }

    private Uni<Void> send(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id.toString())
                        .withType(event.type)
                        .withSource(URI.create(config.source()))
                        .withSubject(event.aggregateId)
                        .withDataContentType("application/json")
                        .withTimestamp(event.timestamp.atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.aggregateId)
                        .withTopic(event.topic)
                        .build())
                // The producer span (and the traceparent header) continue the trace that made the change,
                // not the relay's scheduler round.
                .addMetadata(TracingMetadata.withCurrent(OutboxTraceContext.restore(event.tracingSpanContext)));
        return emitter.sendMessage(message);
    }

    private void pauseAfterFailure(Throwable failure) {
        Duration next = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        backoff = next.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : next;
        pausedUntil = clock.instant().plus(backoff);
        LOG.warnf("Outbox publishing failed, next attempt in %s: %s", backoff, failure.toString());
    }

    private Uni<Void> refreshGauges(Integer ignored) {
        return sessions.withSession(session -> session
                .createNativeQuery("select count(*), coalesce(extract(epoch from now() - min(\"timestamp\")), 0) "
                        + "from outbox_event where sent_at is null", Object[].class)
                .getSingleResult()
                .invoke(row -> {
                    pending.set(((Number) row[0]).longValue());
                    oldestPendingAgeSeconds.set(((Number) row[1]).longValue());
                })
                .replaceWithVoid());
    }

    /** Deletes rows sent longer ago than the retention; pending rows are never pruned. */
    @Scheduled(identity = "outbox-prune", every = "${eventing.relay.prune-interval:1h}",
            delayed = "${eventing.relay.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        Instant cutoff = clock.instant().minus(config.relay().retention());
        return sessions.withTransaction(session -> session
                .createMutationQuery("delete from OutboxEvent e where e.sentAt is not null and e.sentAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .invoke(count -> LOG.debugf("Pruned %d sent outbox rows", count))
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
