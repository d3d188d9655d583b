package io.microdrama.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microdrama.support.config.EventingConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka and marks them sent only after the broker acknowledged them.
 * <p>
 * When: a commit that appends rows wakes the relay (the outbox trigger's NOTIFY, see {@link OutboxCommitListener});
 * it then runs rounds back to back while a round found a full batch; a scheduled poll
 * ({@code EVENTING_RELAY_POLL_INTERVAL}) is only the fallback for a lost notification. Requests that arrive while a
 * round runs are coalesced into one more round after it.
 * <p>
 * A round: one replica at a time (a transaction-scoped PostgreSQL advisory lock) takes up to
 * {@code EVENTING_RELAY_BATCH_SIZE} pending rows in commit order, sends them in one Kafka transaction through its own
 * producer ({@link RelayProducer}: pipelined, {@code acks=all}, idempotent) and, once the transaction committed,
 * marks them sent with one statement. If the broker fails anywhere in the batch, the Kafka transaction is aborted
 * (consumers read {@code read_committed}, so none of it is seen), nothing is marked sent, every row of the batch
 * records the attempt and the error, and the relay backs off (1 s doubling to {@code EVENTING_RELAY_MAX_BACKOFF}).
 * The next round sends the same rows again from the first, so per-key order holds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Opens a round's transaction and, for this transaction only, forbids the planner an explicit sort. The claim must
     * walk the pending index in order and stop after one batch. Statistics taken while nearly every row was sent (the
     * steady state) estimate a handful of pending rows, and the planner then prefers to fetch every pending row and
     * sort them: with a backlog that is work in the backlog's size for every batch, quadratic for the drain
     * (100 000 pending rows: about 14 CPU-s of PostgreSQL instead of 2). Sent as one simple query, in the same flight
     * as the claim.
     */
    public static final String ROUND_START = "begin; set local enable_sort = off";
    /**
     * The claim of one batch ($1: the batch size), which first takes the relay lock (one replica at a time, held
     * until the round's commit): the lock is a one-time filter, so a replica that does not get it reads no row.
     * Oldest first, the bulk lane's rows after every other row (see R__outbox_lanes.sql). Public for the tests that
     * hold its cost to one batch and its order.
     */
    public static final String CLAIM = "with relay_lock as materialized ("
            + "select pg_try_advisory_xact_lock(hashtext('microdrama-outbox-relay')) as held) "
            + "select id, topic, aggregateid, type, \"timestamp\", payload, tracingspancontext from outbox_event "
            + "where (select held from relay_lock) and sent_at is null order by bulk, \"timestamp\", id limit $1";
    private static final String MARK_SENT = "update outbox_event set sent_at = $1 where id = any($2)";
    private static final String MARK_FAILED =
            "update outbox_event set attempts = attempts + 1, last_error = $1 where id = any($2)";
    private static final Duration BUSY_RETRY = Duration.ofMillis(50);

    private final Pool pool;
    private final Vertx vertx;
    private final EventingConfig config;
    private final Clock clock;
    private final RelayProducer producer;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    /** One batch in flight per process: the producer runs one transaction at a time. */
    private final Semaphore sending = new Semaphore(1);
    private final AtomicBoolean roundRunning = new AtomicBoolean();
    private final AtomicBoolean roundRequested = new AtomicBoolean();
    private final AtomicBoolean gaugesRefreshing = new AtomicBoolean();
    private final AtomicBoolean gaugesRequested = new AtomicBoolean();

    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean shuttingDown;
    private volatile Duration backoff = Duration.ZERO;

    public OutboxRelay(Pool pool, Vertx vertx, EventingConfig config, Clock clock, MeterRegistry metrics,
            OpenTelemetry openTelemetry, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        EventingConfig.Relay relay = config.relay();
        this.producer = new RelayProducer(RelayProducer.settings(bootstrapServers,
                relay.transactionalId().orElse(applicationName + "-outbox-relay"), relay.lingerMs(),
                relay.producerBatchBytes(), relay.deliveryTimeout()), config.source(), openTelemetry, metrics);
        this.published = metrics.counter("outbox.events.published");
        this.failed = metrics.counter("outbox.events.failed");
        Gauge.builder("outbox.events.pending", pending, AtomicLong::get).register(metrics);
        Gauge.builder("outbox.oldest.pending.age.seconds", oldestPendingAgeSeconds, AtomicLong::get).register(metrics);
    }

    /** The fallback: rows whose notification was lost (listener reconnecting) wait at most this long. */
    @Scheduled(identity = "outbox-relay", every = "${eventing.relay.poll-interval:10s}",
            delayed = "${eventing.relay.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRound() {
        requestRound();
    }

    void stopRelaying(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
        producer.close();
    }

    /**
     * Asks for rounds until the outbox is drained. Never waits: if a round is running, one more runs after it (any
     * number of requests meanwhile make that one round); while the relay backs off, its retry timer asks again.
     */
    public void requestRound() {
        if (shuttingDown) {
            return;
        }
        roundRequested.set(true);
        if (roundRunning.compareAndSet(false, true)) {
            runRound();
        }
    }

    private void runRound() {
        if (shuttingDown || clock.instant().isBefore(pausedUntil)) {
            roundRunning.set(false);
            return;
        }
        roundRequested.set(false);
        round().subscribe().with(this::afterRound, failure -> afterRound(Round.FAILED));
    }

    private void afterRound(Round round) {
        if (round.full()) {
            roundRequested.set(true);
        } else if (round.busy()) {
            // A round called directly (tests) holds the producer; ask again shortly.
            vertx.setTimer(BUSY_RETRY.toMillis(), ignored -> requestRound());
        }
        roundRunning.set(false);
        if (roundRequested.get() && roundRunning.compareAndSet(false, true)) {
            runRound();
        }
    }

    /** One relay round; returns how many rows were published. */
    public Uni<Integer> relayPending() {
        return round().map(Round::sent);
    }

    private Uni<Round> round() {
        if (!sending.tryAcquire()) {
            return Uni.createFrom().item(Round.BUSY);
        }
        return pool.getConnection()
                .flatMap(connection -> roundOn(connection)
                        .onFailure().call(() -> rollback(connection))
                        .eventually(connection::close))
                .eventually((Runnable) sending::release)
                .invoke(round -> {
                    if (!round.full()) {
                        refreshGaugesInBackground();
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay round failed: %s", failure.toString()))
                .onFailure().recoverWithItem(Round.FAILED);
    }

    /**
     * One round in its own transaction, with two database round trips besides Kafka's: the transaction's start leaves
     * with the claim, and the mark with the commit (the client pipelines statements issued together on one
     * connection). Under load every round trip queues for CPU, and an event waits about one and a half rounds at
     * each relay it passes on its way to LIVE (catalog's, then localization's or billing's).
     */
    private Uni<Round> roundOn(SqlConnection connection) {
        int batchSize = config.relay().batchSize();
        Uni<Void> started = connection.query(ROUND_START).execute().replaceWithVoid();
        Uni<RowSet<Row>> claimed = connection.preparedQuery(CLAIM).execute(Tuple.of(batchSize));
        return Uni.combine().all().unis(started, claimed).asTuple().flatMap(result -> {
            List<PendingEvent> events = new ArrayList<>(result.getItem2().size());
            for (Row row : result.getItem2()) {
                events.add(new PendingEvent(row.getUUID("id"), row.getString("topic"), row.getString("aggregateid"),
                        row.getString("type"), row.getOffsetDateTime("timestamp"), row.getString("payload"),
                        row.getString("tracingspancontext")));
            }
            if (events.isEmpty()) {
                // Nothing pending, or another replica holds the lock.
                return commit(connection, Uni.createFrom().voidItem()).replaceWith(Round.EMPTY);
            }
            return send(events).onItemOrFailure().transformToUni((acknowledgedAt, failure) -> failure == null
                    ? markSent(connection, events, acknowledgedAt, batchSize)
                    : markFailed(connection, events, failure));
        });
    }

    /** The batch in one Kafka transaction; the producer blocks (metadata, commit), so it runs on a worker thread. */
    private Uni<Instant> send(List<PendingEvent> events) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> {
                    producer.sendAll(events);
                    return clock.instant();
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                // The round's connection continues on its own context.
                .emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private Uni<Round> markSent(SqlConnection connection, List<PendingEvent> events, Instant acknowledgedAt, int batchSize) {
        Uni<?> mark = connection.preparedQuery(MARK_SENT)
                .execute(Tuple.of(OffsetDateTime.ofInstant(acknowledgedAt, ZoneOffset.UTC), ids(events)));
        return commit(connection, mark).map(ignored -> {
            published.increment(events.size());
            backoff = Duration.ZERO;
            return new Round(events.size(), events.size() == batchSize, false);
        });
    }

    private Uni<Round> markFailed(SqlConnection connection, List<PendingEvent> events, Throwable failure) {
        failed.increment(events.size());
        pauseAfterFailure(failure);
        Uni<?> mark = connection.preparedQuery(MARK_FAILED).execute(Tuple.of(truncate(failure.toString()), ids(events)));
        return commit(connection, mark).replaceWith(Round.FAILED);
    }

    /**
     * The statement and the commit in one flight. If the statement fails, PostgreSQL ends the transaction with a
     * rollback instead, and the statement's failure fails the round.
     */
    private static Uni<Void> commit(SqlConnection connection, Uni<?> statement) {
        Uni<Void> commit = connection.query("commit").execute().replaceWithVoid();
        return Uni.combine().all().unis(statement, commit).discardItems();
    }

    /** After a failure the connection goes back to the pool with no transaction open (a no-op if none is). */
    private static Uni<Void> rollback(SqlConnection connection) {
        return connection.query("rollback").execute().replaceWithVoid().onFailure().recoverWithNull();
    }

    private static java.util.UUID[] ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::id).toArray(java.util.UUID[]::new);
    }

    private void pauseAfterFailure(Throwable failure) {
        Duration next = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        backoff = next.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : next;
        pausedUntil = clock.instant().plus(backoff);
        vertx.setTimer(backoff.toMillis(), ignored -> requestRound());
        LOG.warnf("Outbox publishing failed, next attempt in %s: %s", backoff, failure.toString());
    }

    /**
     * The gauges are read beside the rounds, not in them: a round that waited for the count before the next round
     * could start added a database round trip to every event's wait at the relay. At most one count runs at a time;
     * asked meanwhile, one more runs after it, so the last round is always counted.
     */
    private void refreshGaugesInBackground() {
        gaugesRequested.set(true);
        if (!gaugesRefreshing.compareAndSet(false, true)) {
            return;
        }
        gaugesRequested.set(false);
        refreshGauges().subscribe().with(ignored -> afterGaugeRefresh(), failure -> {
            LOG.debugf("Outbox gauges not refreshed: %s", failure.toString());
            afterGaugeRefresh();
        });
    }

    private void afterGaugeRefresh() {
        gaugesRefreshing.set(false);
        if (gaugesRequested.get() && !shuttingDown) {
            refreshGaugesInBackground();
        }
    }

    private Uni<Void> refreshGauges() {
        return pool.query("select count(*), coalesce(extract(epoch from now() - min(\"timestamp\")), 0) "
                        + "from outbox_event where sent_at is null").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(((Number) row.getValue(0)).longValue());
                    oldestPendingAgeSeconds.set(((Number) row.getValue(1)).longValue());
                })
                .replaceWithVoid();
    }

    /**
     * Deletes rows sent longer ago than the retention; pending rows are never pruned. Skipped while the application
     * stops: its connection pool is closing, and a run would only log a failure.
     */
    @Scheduled(identity = "outbox-prune", every = "${eventing.relay.prune-interval:1h}",
            delayed = "${eventing.relay.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.relay().retention()), ZoneOffset.UTC);
        return pool.preparedQuery("delete from outbox_event where sent_at is not null and sent_at < $1")
                .execute(Tuple.of(cutoff))
                .invoke(rows -> LOG.debugf("Pruned %d sent outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** What a round did: rows sent, whether it found a full batch (more may wait), whether the producer was busy. */
    private record Round(int sent, boolean full, boolean busy) {
        static final Round FAILED = new Round(0, false, false);
        static final Round EMPTY = new Round(0, false, false);
        static final Round BUSY = new Round(0, false, true);
    }
}
