package io.microdrama.billing;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.testing.Events;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.Stack;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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

    /** The reference-data revision: how many versions of storefronts, FX rates, PPP factors and tiers are stored. */
    static long referenceRevision() {
        return Stack.count("select (select count(*) from storefront_version) + (select count(*) from fx_rate_version) + "
                + "(select count(*) from ppp_factor_version) + (select count(*) from tier_version)");
    }

    /** Waits until the re-pricing sweep has completed for that reference revision and pricing date. */
    static void awaitSweepOf(long revision, String date) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Stack.userToken("admin"))
                .get("/api/v1/billing/repricing").then()
                .body("completed", equalTo(true))
                .body("referenceRevision", equalTo((int) revision))
                .body("pricingDate", equalTo(date)));
    }
}
