package io.microdrama.billing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.billing.application.DramaPricing;
import io.microdrama.contracts.EventLane;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.inbox.IncomingDelivery;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * {@code catalog.drama.v1} and its bulk lane {@code catalog.drama.bulk.v1} into billing: decodes each event and hands it to {@link DramaPricing} (what a publication
 * or withdrawal does to prices is written there), the records of one poll in one transaction. The shared poison rule applies: an event that cannot be decoded
 * (malformed JSON, missing or ill-formed drama id, unknown type) goes to {@code <topic>.dlq.billing} at
 * once; other failures are retried first.
 */
@ApplicationScoped
public class DramaEventsHandler {

    private final IncomingDelivery delivery;
    private final ObjectMapper json;
    private final DramaPricing dramaPricing;

    public DramaEventsHandler(IncomingDelivery delivery, ObjectMapper json, DramaPricing dramaPricing) {
        this.delivery = delivery;
        this.json = json;
        this.dramaPricing = dramaPricing;
    }

    /** Every record of one poll, applied in one transaction (one by one if that fails), then acknowledged. */
    @Incoming("dramas")
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return onRecords(batch.getRecords(), EventLane.INTERACTIVE).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * The same events on catalog's bulk lane ({@code catalog.drama.bulk.v1}), read beside the channel above; the
     * answers about these dramas take the bulk lane too.
     */
    @Incoming("dramas-bulk")
    public Uni<Void> onBulkBatch(KafkaRecordBatch<String, String> batch) {
        return onRecords(batch.getRecords(), EventLane.BULK).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    Uni<Void> onRecords(List<? extends Message<String>> records, EventLane lane) {
        return delivery.handleAll(records, event -> CatalogDramaEvents.decode(event, lane, json), dramaPricing::applyAll,
                (event, decoded) -> dramaPricing.apply(decoded));
    }
}
