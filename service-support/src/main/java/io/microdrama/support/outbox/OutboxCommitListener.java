package io.microdrama.support.outbox;

import io.microdrama.support.notify.PgChannelListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Wakes the relay when rows are committed: the outbox table's statement trigger (db/support
 * {@code R__outbox_wake_on_commit.sql}) sends {@code NOTIFY outbox_event}, which PostgreSQL delivers on commit only,
 * once per transaction, to every replica. {@link PgChannelListener} keeps the LISTEN; every (re)subscription also asks
 * for a round, since commits announced while the connection was down were missed.
 */
@ApplicationScoped
public class OutboxCommitListener {

    /** The channel the trigger notifies; the payload is empty (a hint, the rows are in the table). */
    public static final String CHANNEL = "outbox_event";

    private final OutboxRelay relay;
    private final PgChannelListener listener;

    public OutboxCommitListener(Vertx vertx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.relay = relay;
        this.listener = new PgChannelListener(vertx, PgChannelListener.connectOptions(reactiveUrl, user, password), CHANNEL,
                "the relay polls meanwhile");
    }

    void listen(@Observes StartupEvent startup) {
        listener.listen(ignored -> relay.requestRound(), relay::requestRound);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        listener.close();
    }
}
