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
 * Wakes the relay when a transaction that appended outbox rows commits, in every replica: it LISTENs on
 * {@value Outbox#NOTIFY_CHANNEL} over a connection of its own (PostgreSQL delivers a NOTIFY only on commit, and to
 * every listener of the database). Every (re)subscription also wakes the relay, since notifications sent while the
 * connection was down are lost; the relay's fallback poll covers the rest.
 */
@ApplicationScoped
public class OutboxCommitListener {

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
        this.connectOptions = connectOptions(reactiveUrl, user, password);
    }

    /** The application's reactive datasource, as one connection (Quarkus allows a {@code vertx-reactive:} prefix). */
    static PgConnectOptions connectOptions(String reactiveUrl, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.strip().replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    void start(@Observes StartupEvent startup) {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                // After a lost connection: try again every second, for as long as the service runs.
                .reconnectPolicy(retries -> stopped ? -1L : RECONNECT_DELAY_MILLIS);
        subscriber.channel(Outbox.NOTIFY_CHANNEL)
                .subscribeHandler(subscribed -> relay.wake())
                .handler(payload -> relay.wake());
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
