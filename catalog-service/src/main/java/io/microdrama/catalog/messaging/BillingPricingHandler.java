package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.inbox.IdempotentConsumer;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * What happens when {@code billing.pricing.set} arrives: the (drama, region) rollout keeps the regional price
 * shown in the storefront, for that drama version. Stale versions, duplicates and unlicensed regions change nothing.
 */
@ApplicationScoped
public class BillingPricingHandler {

    static final String CONSUMER = "catalog.billing-pricing";
    private static final Logger LOG = Logger.getLogger(BillingPricingHandler.class);

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;
    private final DramaRepository dramas;

    public BillingPricingHandler(IdempotentConsumer consumer, ObjectMapper json, DramaRepository dramas) {
        this.consumer = consumer;
        this.json = json;
        this.dramas = dramas;
    }

    @Incoming("pricing")
    public Uni<Void> onMessage(Message<String> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(Mutiny.Session session, IncomingEvent event) {
        PricingSet price = event.payloadAs(json, PricingSet.class);
        RegionalRollout.Key key = new RegionalRollout.Key(LocalizationReadinessHandler.dramaId(price.dramaId()), price.region());
        return dramas.rolloutForUpdate(session, key)
                .invoke(rollout -> {
                    if (rollout == null) {
                        LOG.debugf("Price for unlicensed %s/%s ignored", price.dramaId(), price.region());
                    } else if (!rollout.applyPrice(price.dramaVersion(), price.episodeDisplayPrice().currency(),
                            price.episodeDisplayPrice().amountMinor(), price.episodeDisplayPrice().minorUnits(),
                            price.coinsPerEpisode(), price.freeEpisodes())) {
                        LOG.debugf("Stale price v%d for %s/%s ignored", price.dramaVersion(), price.dramaId(), price.region());
                    }
                })
                .replaceWithVoid();
    }
}
