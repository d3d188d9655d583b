package io.microdrama.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * What happens when {@code localization.readiness.changed} arrives: decoded here, applied to the (drama, region)
 * rollout by {@link RolloutAnswers#applyReadinessAll} (the records of one poll in one transaction; once per event, only for its
 * drama version or a newer one).
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

    /** Every record of one poll: the regions of a drama arrive together and are applied in one transaction. */
    @Incoming("readiness")
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return onRecords(batch.getRecords()).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /**
     * The same events on the bulk answer lane ({@code localization.readiness.bulk.v1}: dramas of a studio's back catalogue), read
     * by a consumer of its own beside the channel above, into the same inbox.
     */
    @Incoming("readiness-bulk")
    public Uni<Void> onBulkBatch(KafkaRecordBatch<String, String> batch) {
        return onBatch(batch);
    }

    Uni<Void> onRecords(List<? extends Message<String>> records) {
        return delivery.handleAll(records, this::decode, answers::applyReadinessAll, answers::applyReadiness);
    }

    RolloutAnswers.Readiness decode(IncomingEvent event) {
        ReadinessChanged readiness = event.payloadAs(json, ReadinessChanged.class);
        return new RolloutAnswers.Readiness(event.requireUuid("dramaId", readiness.dramaId()), readiness.region(),
                readiness.dramaVersion(), readiness.ready(), readiness.missingLanguages(), readiness.availableLanguages());
    }
}
