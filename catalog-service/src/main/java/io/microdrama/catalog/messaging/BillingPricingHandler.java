package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * What happens when {@code billing.pricing.set} arrives: decoded here, applied to the (drama, region) rollout by
 * {@link RolloutAnswers#applyPriceAll} (the records of one poll in one transaction; once per event, only for its drama
 * version or a newer one).
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

    /** Every record of one poll: the regions of a drama arrive together and are applied in one transaction. */
    @Incoming("pricing")
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return onRecords(batch.getRecords()).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * The same events on the bulk answer lane ({@code billing.pricing.bulk.v1}: dramas of a studio's back catalogue), read
     * by a consumer of its own beside the channel above, into the same inbox.
     */
    @Incoming("pricing-bulk")
    public Uni<Void> onBulkBatch(KafkaRecordBatch<String, String> batch) {
        return onBatch(batch);
    }

    Uni<Void> onRecords(List<? extends Message<String>> records) {
        return delivery.handleAll(records, this::decode, answers::applyPriceAll, answers::applyPrice);
    }

    RolloutAnswers.Price decode(IncomingEvent event) {
        PricingSet price = event.payloadAs(json, PricingSet.class);
        PricingSet.Money display = price.episodeDisplayPrice();
        return new RolloutAnswers.Price(event.requireUuid("dramaId", price.dramaId()), price.region(), price.dramaVersion(),
                display.currency(), display.amountMinor(), display.minorUnits(), price.coinsPerEpisode(),
                price.freeEpisodes());
    }
}
