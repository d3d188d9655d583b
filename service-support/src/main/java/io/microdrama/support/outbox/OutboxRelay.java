package io.microdrama.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microdrama.support.config.EventingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka and marks them sent only once the broker acknowledged them
 * ({@code acks=all}, idempotent producer).
 * <p>
 * <b>When.</b> A transaction that appends rows notifies on commit ({@link Outbox}); {@link OutboxCommitListener}
 * hears it in every replica and calls {@link #wake()}. The relay then drains back to back while batches come back
 * full. A fallback poll ({@code eventing.relay.poll-interval}) covers a notification lost while the listening
 * connection was down. After a failed round it pauses with back-off (Vert.x timer) and wake-ups wait for the pause.
 * <p>
 * <b>How.</b> A round is one transaction: it takes a transaction-scoped PostgreSQL advisory lock, so exactly one
 * replica publishes at a time and rows leave in commit order; claims up to {@code batch-size} rows (oldest first,
 * {@code FOR UPDATE SKIP LOCKED}); hands all of them to the producer without waiting for each acknowledgement (the
 * idempotent producer keeps per-partition order, and the key is the aggregate id, so per-drama order holds); then
 * marks the acknowledged ones sent in one statement. Within a partition the broker appends a record only after its
 * predecessor (the idempotent producer's sequence numbers), so when a row fails the later rows of its key fail with
 * it; should the producer still deliver one (it restarts its sequence after an expired batch), that row is not
 * marked sent ({@link Deliveries}) and goes again after the failed one. A replica that dies mid-round releases the
 * lock with its connection and its rows stay pending for the next holder.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('microdrama-outbox-relay'))";
    private static final String CLAIM = "select id, aggregateid, type, \"timestamp\", payload, tracingspancontext, topic "
            + "from outbox_event where sent_at is null order by \"timestamp\", id limit $1 for update skip locked";
    // clock_timestamp(), not now(): the moment of the acknowledgement, not the start of the round.
    private static final String MARK_SENT = "update outbox_event set sent_at = clock_timestamp() where id = any($1)";
    private static final String MARK_FAILED = "update outbox_event set attempts = attempts + 1, last_error = $2 "
            + "where id = any($1)";
    private static final String GAUGES = "select count(*), coalesce(extract(epoch from now() - min(\"timestamp\")), 0) "
            + "from outbox_event where sent_at is null";
    private static final long GAUGE_REFRESH_MILLIS = 1000;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final EventingConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final RelayPacer pacer;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private final AtomicLong gaugesRefreshedAt = new AtomicLong();
    private volatile long pollTimer = -1;

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, EventingConfig config, Vertx vertx,
            Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.pacer = new RelayPacer(new RelayBackoff(config.relay().initialBackoff(), config.relay().maxBackoff()));
        this.published = metrics.counter("outbox.events.published");
        this.failed = metrics.counter("outbox.events.failed");
        Gauge.builder("outbox.events.pending", pending, AtomicLong::get).register(metrics);
        Gauge.builder("outbox.oldest.pending.age.seconds", oldestPendingAgeSeconds, AtomicLong::get).register(metrics);
    }

    // The first round waits a moment: the messaging channels are wired after start-up, and an early round only
    // logged SRMSG00019 ("unable to connect an emitter").
    void start(@Observes StartupEvent startup) {
        vertx.setTimer(config.relay().initialDelay().toMillis(), ignored -> {
            pacer.open();
            pollTimer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), tick -> {
                refreshGaugesNow();
                wake();
            });
            wake();
        });
    }

    // A round that starts once shutdown has begun finds the channels gone (SRMSG00019); its rows wait for the next
    // start or another replica anyway.
    void stop(@Observes ShutdownEvent shutdown) {
        pacer.close();
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
    }

    /** True once the relay runs rounds (after the initial delay) and until shutdown. */
    public boolean isRelaying() {
        return pacer.isOpen();
    }

    /** Asks for a round: runs one now unless one is running (then another follows it) or the relay is pausing. */
    public void wake() {
        if (pacer.wake()) {
            runRound();
        }
    }

    private void runRound() {
        round().subscribe().with(this::roundEnded, failure -> {
            LOG.warnf("Outbox relay round failed: %s", failure.toString());
            roundEnded(new Round(0, failure, false));
        });
    }

    private void roundEnded(Round round) {
        RelayPacer.Next next = pacer.roundEnded(round.failure() != null, round.full());
        if (next instanceof RelayPacer.Pause pause) {
            LOG.warnf("Outbox publishing failed, next attempt in %s: %s", pause.duration(), round.failure());
            vertx.setTimer(pause.duration().toMillis(), ignored -> {
                if (pacer.pauseEnded()) {
                    runRound();
                }
            });
        }
        if (next instanceof RelayPacer.RunAgain) {
            refreshGauges(false);
            runRound();
        } else {
            refreshGauges(next instanceof RelayPacer.Idle);
        }
    }

    /** One relay round, for tests and tools; returns how many rows it published. Competes fairly with the loop. */
    public Uni<Integer> relayPending() {
        return round()
                .call(ignored -> refreshGaugesUni())
                .map(Round::sent)
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay round failed: %s", failure.toString()))
                .onFailure().recoverWithItem(0);
    }

    private Uni<Round> round() {
        return pool.withTransaction(connection -> connection.query(LOCK).execute()
                .flatMap(rows -> rows.iterator().next().getBoolean(0) ? claimAndSend(connection)
                        : Uni.createFrom().item(Round.LOCK_HELD_ELSEWHERE)));
    }

    private Uni<Round> claimAndSend(SqlConnection connection) {
        int batchSize = config.relay().batchSize();
        return connection.preparedQuery(CLAIM).execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(Claimed.from(row)));
                    return claimed;
                })
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(Round.NOTHING_PENDING)
                        // Off the event loop: handing 500 records to the sink (tracing, headers, serialization)
                        // blocked it for seconds on a loaded machine.
                        : Uni.createFrom().item(claimed).emitOn(Infrastructure.getDefaultWorkerPool())
                                .flatMap(this::sendAll)
                                .flatMap(deliveries -> record(connection, claimed, deliveries))
                                .map(round -> round.withFull(claimed.size() == batchSize)));
    }

    /** Hands every row to the producer in claim order without waiting in between, then waits for all answers. */
    private Uni<Deliveries> sendAll(List<Claimed> claimed) {
        Deliveries deliveries = new Deliveries(claimed.stream().map(Claimed::aggregateId).toList());
        return Multi.createFrom().range(0, claimed.size())
                .onItem().transformToUni(index -> send(claimed.get(index))
                        .invoke(() -> deliveries.acknowledged(index))
                        .onFailure().invoke(failure -> deliveries.failed(index, failure))
                        .onFailure().recoverWithNull()
                        .replaceWith(index))
                .merge(claimed.size())
                .collect().asList()
                .replaceWith(deliveries);
    }

    private Uni<Void> send(Claimed event) {
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id().toString())
                        .withType(event.type())
                        .withSource(URI.create(config.source()))
                        .withSubject(event.aggregateId())
                        .withDataContentType("application/json")
                        .withTimestamp(event.timestamp().atZoneSameInstant(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.aggregateId())
                        .withTopic(event.topic())
                        .build())
                // The producer span (and the traceparent header) continue the trace that made the change,
                // not the relay's round.
                .addMetadata(TracingMetadata.withCurrent(OutboxTraceContext.restore(event.traceContext())));
        return emitter.sendMessage(message);
    }

    /** Marks the acknowledged rows sent in one statement, and records the error on the failed ones. */
    private Uni<Round> record(SqlConnection connection, List<Claimed> claimed, Deliveries deliveries) {
        UUID[] sent = deliveries.sent().stream().map(index -> claimed.get(index).id()).toArray(UUID[]::new);
        UUID[] refused = deliveries.failed().stream().map(index -> claimed.get(index).id()).toArray(UUID[]::new);
        Throwable failure = deliveries.firstFailure();
        Uni<Void> markSent = sent.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_SENT).execute(Tuple.of(sent)).replaceWithVoid();
        Uni<Void> markFailed = refused.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_FAILED).execute(Tuple.of(refused, truncate(String.valueOf(failure))))
                        .replaceWithVoid();
        return markSent.call(() -> markFailed).map(ignored -> {
            published.increment(sent.length);
            failed.increment(refused.length);
            return new Round(sent.length, failure, false);
        });
    }

    private void refreshGauges(boolean force) {
        long now = clock.millis();
        long last = gaugesRefreshedAt.get();
        if ((force || now - last >= GAUGE_REFRESH_MILLIS) && gaugesRefreshedAt.compareAndSet(last, now)) {
            refreshGaugesNow();
        }
    }

    private void refreshGaugesNow() {
        refreshGaugesUni().subscribe().with(ignored -> { },
                failure -> LOG.debugf("Outbox gauges not refreshed: %s", failure.toString()));
    }

    private Uni<Void> refreshGaugesUni() {
        return pool.query(GAUGES).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            pending.set(row.getLong(0));
            oldestPendingAgeSeconds.set(((Number) row.getValue(1)).longValue());
        }).replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A claimed pending row: what the record needs. */
    private record Claimed(UUID id, String aggregateId, String type, OffsetDateTime timestamp, String payload,
            String traceContext, String topic) {

        static Claimed from(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("aggregateid"), row.getString("type"),
                    row.getOffsetDateTime("timestamp"), row.getString("payload"), row.getString("tracingspancontext"),
                    row.getString("topic"));
        }
    }

    /** What a round did: rows published, the first failure (null if none), whether the batch was full. */
    private record Round(int sent, Throwable failure, boolean full) {

        static final Round LOCK_HELD_ELSEWHERE = new Round(0, null, false);
        static final Round NOTHING_PENDING = new Round(0, null, false);

        Round withFull(boolean isFull) {
            return new Round(sent, failure, isFull);
        }
    }
}
