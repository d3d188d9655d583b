package io.microdrama.support.notify;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * LISTENs on one PostgreSQL notification channel, on a connection of its own (a pooled connection would lose its
 * LISTEN when handed back). PostgreSQL delivers a NOTIFY on commit only, so what arrives was committed. After a lost
 * connection it reconnects every second; whatever was announced meanwhile is lost, so every (re)subscription is
 * reported too and the caller catches up then (the relay runs a round, a cache drops what it holds).
 */
public final class PgChannelListener {

    private static final Logger LOG = Logger.getLogger(PgChannelListener.class);
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions connectOptions;
    private final String channel;
    private final String meanwhile;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    /**
     * @param meanwhile what covers for missed notifications while the connection is down, for the log (for example
     *                  "the relay polls meanwhile")
     */
    public PgChannelListener(Vertx vertx, PgConnectOptions connectOptions, String channel, String meanwhile) {
        this.vertx = vertx;
        this.connectOptions = connectOptions;
        this.channel = channel;
        this.meanwhile = meanwhile;
    }

    /** Connect options from the service's reactive datasource settings (the {@code vertx-reactive:} prefix dropped). */
    public static PgConnectOptions connectOptions(String reactiveUrl, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.strip().replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    /**
     * Starts listening: {@code notified} gets each payload, {@code subscribed} runs on every (re)subscription.
     * Completes once the first LISTEN is in place.
     */
    public CompletionStage<Void> listen(Consumer<String> notified, Runnable subscribed) {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(retries -> stopped ? -1L : RECONNECT_DELAY_MILLIS);
        subscriber.channel(channel)
                .subscribeHandler(ignored -> {
                    subscribed.run();
                    listening.complete(null);
                })
                .handler(notified::accept);
        connect();
        return listening;
    }

    private void connect() {
        subscriber.connect().onComplete(connected -> {
            if (connected.failed() && !stopped) {
                LOG.warnf("Cannot listen on PostgreSQL channel %s (%s), retrying: %s", channel, meanwhile,
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
