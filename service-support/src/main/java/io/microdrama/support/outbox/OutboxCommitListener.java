package io.microdrama.support.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Wakes the relay when rows are committed: the outbox table's statement trigger (db/support
 * {@code R__outbox_wake_on_commit.sql}) sends {@code NOTIFY outbox_event}, which PostgreSQL delivers on commit only,
 * once per transaction, to every replica. LISTENs on a connection of its own; after a lost connection it reconnects
 * every second and asks for a round on every (re)subscription, since commits announced meanwhile were missed.
 */
@ApplicationScoped
public class OutboxCommitListener {

    /** The channel the trigger notifies; the payload is empty (a hint, the rows are in the table). */
    public static final String CHANNEL = "outbox_event";
    private static final Logger LOG = Logger.getLogger(OutboxCommitListener.class);
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final PgConnectOptions connectOptions;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    public OutboxCommitListener(Vertx vertx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.strip().replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.connectOptions = options;
    }

    void listen(@Observes StartupEvent startup) {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> stopped ? -1L : RECONNECT_DELAY_MILLIS);
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> relay.requestRound())
                .handler(ignored -> relay.requestRound());
        connect();
    }

    private void connect() {
        subscriber.connect().onComplete(connected -> {
            if (connected.failed() && !stopped) {
                LOG.warnf("Cannot listen for outbox commits (the relay polls meanwhile), retrying: %s",
                        connected.cause().toString());
                vertx.setTimer(RECONNECT_DELAY_MILLIS, ignored -> connect());
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
