package io.microdrama.catalog.persistence;

import io.microdrama.support.notify.PgChannelListener;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Which storefront regions changed, as PostgreSQL announces them to every replica: the triggers of migration V3 send
 * {@code NOTIFY storefront_changed, '<region>'} for every written rollout row and, for a changed drama, for each
 * region it has a row in. The notification is part of the writing transaction, so it is delivered on commit and only
 * then, whoever wrote (a use case, a handler, a migration, a bulk import). The LISTEN, its own connection and the
 * reconnection are service-support's {@link PgChannelListener}.
 */
@ApplicationScoped
public class StorefrontChangeFeed {

    /** The channel the triggers notify; the payload is one region code. */
    public static final String CHANNEL = "storefront_changed";

    private final PgChannelListener listener;

    public StorefrontChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.listener = new PgChannelListener(vertx, PgChannelListener.connectOptions(reactiveUrl, user, password), CHANNEL,
                "cached pages expire by age meanwhile");
    }

    /**
     * Starts listening: {@code regionChanged} gets each announced region, {@code subscribed} runs on every
     * (re)subscription (announcements may have been missed before it). Completes once the first LISTEN is in place.
     */
    public CompletionStage<Void> listen(Consumer<String> regionChanged, Runnable subscribed) {
        return listener.listen(regionChanged, subscribed);
    }

    public void close() {
        listener.close();
    }
}
