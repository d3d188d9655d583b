package io.microdrama.support.outbox;

import io.microdrama.support.config.EventingConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes rows sent longer ago than the retention; pending rows are never pruned. A bean of its own: it needs no
 * messaging channel, so an early run on a slow start cannot fail on a channel that is not wired yet.
 */
@ApplicationScoped
public class OutboxPruner {

    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);

    private final Pool pool;
    private final EventingConfig config;
    private final Clock clock;

    public OutboxPruner(Pool pool, EventingConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "outbox-prune", every = "${eventing.relay.prune-interval:1h}",
            delayed = "${eventing.relay.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        OffsetDateTime cutoff = clock.instant().minus(config.relay().retention()).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("delete from outbox_event where sent_at is not null and sent_at < $1")
                .execute(Tuple.of(cutoff))
                .invoke(rows -> LOG.debugf("Pruned %d sent outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }
}
