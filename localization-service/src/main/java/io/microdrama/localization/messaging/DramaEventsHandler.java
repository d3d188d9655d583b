package io.microdrama.localization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.EventLane;
import io.microdrama.localization.application.DramaPlanning;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.inbox.IncomingDelivery;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;


/**
 * Catalog's drama events ({@code catalog.drama.v1} and its bulk lane {@code catalog.drama.bulk.v1}): decoded here, applied by {@link DramaPlanning} (at most once,
 * through the inbox; the records of one poll together). A message that is not a CloudEvent of ours, whose payload does not match the contract or whose
 * {@code dramaId} is not a UUID is poison: it is nacked at once, which the channel's dead-letter strategy sends to
 * {@code <topic>.dlq.localization}, and nothing is retried or changed.
 */
@ApplicationScoped
public class DramaEventsHandler {

    private final IncomingDelivery delivery;
    private final DramaPlanning planning;
    private final ObjectMapper json;

    public DramaEventsHandler(IncomingDelivery delivery, DramaPlanning planning, ObjectMapper json) {
        this.delivery = delivery;
        this.planning = planning;
        this.json = json;
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
        return delivery.handleAll(records, event -> CatalogDramaEvents.decode(event, lane, json), planning::applyAll,
                planning::apply);
    }
}
