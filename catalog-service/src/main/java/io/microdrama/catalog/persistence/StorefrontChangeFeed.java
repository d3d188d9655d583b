package io.microdrama.catalog.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Which storefront regions changed, as PostgreSQL announces them to every replica: the triggers of migration V3 send
 * {@code NOTIFY storefront_changed, '<region>'} for every written rollout row and, for a changed drama, for each
 * region it has a row in. The notification is part of the writing transaction, so it is delivered on commit and only
 * then, whoever wrote (a use case, a handler, a migration, a bulk import). This feed LISTENs on a connection of its
 * own; after a lost connection it reconnects every second and reports the (re)subscription, since whatever was
 * announced meanwhile is lost.
 */
@ApplicationScoped
public class StorefrontChangeFeed {

    /** The channel the triggers notify; the payload is one region code. */
    public static final String CHANNEL = "storefront_changed";
    private static final Logger LOG = Logger.getLogger(StorefrontChangeFeed.class);
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions connectOptions;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    public StorefrontChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.strip().replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.connectOptions = options;
    }

    /**
     * Starts listening: {@code regionChanged} gets each announced region, {@code subscribed} runs on every
     * (re)subscription (announcements may have been missed before it). Completes once the first LISTEN is in place.
     */
    public CompletionStage<Void> listen(Consumer<String> regionChanged, Runnable subscribed) {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> stopped ? -1L : RECONNECT_DELAY_MILLIS);
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> {
                    subscribed.run();
                    listening.complete(null);
                })
                .handler(regionChanged::accept);
        connect();
        return listening;
    }

    private void connect() {
        subscriber.connect().onComplete(connected -> {
            if (connected.failed() && !stopped) {
                LOG.warnf("Cannot listen for storefront changes (cached pages expire by age meanwhile), retrying: %s",
                        connected.cause().toString());
                vertx.setTimer(RECONNECT_DELAY_MILLIS, ignored -> connect());
            }
        });
    }

    public void close() {
        stopped = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
