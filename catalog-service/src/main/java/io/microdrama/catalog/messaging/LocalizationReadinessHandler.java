package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What happens when {@code localization.readiness.changed} arrives: decoded here, applied to the (drama, region)
 * rollout by {@link RolloutAnswers#applyReadiness} (once per event, only for its drama version or a newer one).
 */
@ApplicationScoped
public class LocalizationReadinessHandler {

    private final IncomingDelivery delivery;
    private final RolloutAnswers answers;
    private final ObjectMapper json;

    public LocalizationReadinessHandler(IncomingDelivery delivery, RolloutAnswers answers, ObjectMapper json) {
        this.delivery = delivery;
        this.answers = answers;
        this.json = json;
    }

    @Incoming("readiness")
    public Uni<Void> onMessage(Message<String> message) {
        return delivery.handle(message, this::decode, answers::applyReadiness);
    }

    RolloutAnswers.Readiness decode(IncomingEvent event) {
        ReadinessChanged readiness = event.payloadAs(json, ReadinessChanged.class);
        return new RolloutAnswers.Readiness(event.requireUuid("dramaId", readiness.dramaId()), readiness.region(),
                readiness.dramaVersion(), readiness.ready(), readiness.missingLanguages(), readiness.availableLanguages());
    }
}
