package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What happens when {@code billing.pricing.set} arrives: decoded here, applied to the (drama, region) rollout by
 * {@link RolloutAnswers#applyPrice} (once per event, only for its drama version or a newer one).
 */
@ApplicationScoped
public class BillingPricingHandler {

    private final IncomingDelivery delivery;
    private final RolloutAnswers answers;
    private final ObjectMapper json;

    public BillingPricingHandler(IncomingDelivery delivery, RolloutAnswers answers, ObjectMapper json) {
        this.delivery = delivery;
        this.answers = answers;
        this.json = json;
    }

    @Incoming("pricing")
    public Uni<Void> onMessage(Message<String> message) {
        return delivery.handle(message, this::decode, answers::applyPrice);
    }

    RolloutAnswers.Price decode(IncomingEvent event) {
        PricingSet price = event.payloadAs(json, PricingSet.class);
        PricingSet.Money display = price.episodeDisplayPrice();
        return new RolloutAnswers.Price(event.requireUuid("dramaId", price.dramaId()), price.region(), price.dramaVersion(),
                display.currency(), display.amountMinor(), display.minorUnits(), price.coinsPerEpisode(),
                price.freeEpisodes());
    }
}
