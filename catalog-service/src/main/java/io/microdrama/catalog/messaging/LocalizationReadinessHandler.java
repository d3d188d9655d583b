package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.support.inbox.IdempotentConsumer;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * What happens when {@code localization.readiness.changed} arrives: the (drama, region) rollout records whether
 * every episode has accepted subtitles in the region's languages, for that drama version. Older versions than the
 * one already applied, duplicates and regions no longer licensed change nothing.
 */
@ApplicationScoped
public class LocalizationReadinessHandler {

    static final String CONSUMER = "catalog.localization-readiness";
    private static final Logger LOG = Logger.getLogger(LocalizationReadinessHandler.class);

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;
    private final DramaRepository dramas;

    public LocalizationReadinessHandler(IdempotentConsumer consumer, ObjectMapper json, DramaRepository dramas) {
        this.consumer = consumer;
        this.json = json;
        this.dramas = dramas;
    }

    @Incoming("readiness")
    public Uni<Void> onMessage(Message<String> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(Mutiny.Session session, IncomingEvent event) {
        ReadinessChanged readiness = event.payloadAs(json, ReadinessChanged.class);
        return dramas.rolloutForUpdate(session, new RegionalRollout.Key(dramaId(readiness.dramaId()), readiness.region()))
                .invoke(rollout -> {
                    if (rollout == null) {
                        LOG.debugf("Readiness for unlicensed %s/%s ignored", readiness.dramaId(), readiness.region());
                    } else if (!rollout.applyReadiness(readiness.dramaVersion(), readiness.ready(),
                            readiness.missingLanguages(), readiness.availableLanguages())) {
                        LOG.debugf("Stale readiness v%d for %s/%s ignored", readiness.dramaVersion(), readiness.dramaId(), readiness.region());
                    }
                })
                .replaceWithVoid();
    }

    static UUID dramaId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("dramaId is not a UUID: " + id);
        }
    }
}
