package io.microdrama.billing;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.testing.Events;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.Stack;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** billing's own questions to the shared {@link Stack}: catalog's publications in, its prices and audit out. */
final class BillingFixtures {

    private BillingFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Publishes version {@code version} of a drama of {@code episodes} 90-second episodes; returns the event id. */
    static String publish(String dramaId, long version, String tier, int episodes, List<String> regions) {
        return Stack.send(Events.drama(dramaId).tier(tier).episodes(episodes, 90).licensedIn(regions).at(version));
    }

    /** billing.pricing.set rows in the outbox for one drama: every event billing ever decided to send for it. */
    static long pricingEvents(String dramaId) {
        return Stack.count("select count(*) from outbox_event where aggregateid = ? and type = ?", dramaId,
                CloudEventTypes.PRICING_SET);
    }

    static long auditEntries(String dramaId) {
        return Stack.count("select count(*) from pricing_audit where drama_id = ?::uuid", dramaId);
    }

    /** Every record keyed {@code dramaId} on billing.pricing.v1, once at least {@code atLeast} have arrived. */
    static List<ConsumerRecord<String, String>> pricingRecords(String dramaId, int atLeast) {
        return Stack.awaitRecords(Topics.BILLING_PRICING, KafkaProbe.keyed(dramaId), atLeast);
    }
}
