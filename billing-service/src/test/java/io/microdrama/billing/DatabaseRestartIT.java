package io.microdrama.billing;

import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.devstack.PostgresOutage;
import io.microdrama.support.inbox.IncomingDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microdrama.billing.BillingFixtures.pricingEvents;
import static io.microdrama.billing.BillingFixtures.publish;
import static io.microdrama.testing.Stack.awaitConsumed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL outage loses no event and stops no consumer: a drama published while billing's database is down is
 * priced once it is back, nothing goes to the dead-letter topic, and the channel goes on consuming. The outage takes
 * longer than the consumer's limited retries for other failures (5 attempts, about 3 s), which once sent such events
 * to the DLQ, and longer than the 60 s SmallRye's throttled commit allows a record to wait unacknowledged by default,
 * which once failed the channel for good (the postgres-restart drill with 90 s down). Requests meanwhile are 503
 * problems with Retry-After, not 500s.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "billing"), @ResourceArg(name = "keycloak", value = "true") })
class DatabaseRestartIT {

    /** More refused attempts than the consumer was once allowed in all (5) before it dead-lettered the event. */
    private static final int BEYOND_THE_OLD_LIMIT = 6;

    /**
     * Longer than SmallRye's default {@code throttled.unprocessed-record-max-age.ms} (60 s) plus one run of its check
     * (every {@code auto.commit.interval.ms}, 5 s), counted from the moment the event was published.
     */
    private static final Duration BEYOND_THE_CONNECTORS_DEFAULT_LIMIT = Duration.ofSeconds(70);

    @Inject
    MeterRegistry metrics;

    @Test
    void anEventArrivingDuringALongOutageIsAppliedOnceTheDatabaseIsBackAndTheConsumerGoesOn() {
        String before = UUID.randomUUID().toString();
        awaitConsumed(publish(before, 1, "standard", 10, List.of("DE")));
        PostgresOutage outage = PostgresOutage.of(key -> ConfigProvider.getConfig().getValue(key, String.class));
        String admin = Stack.userToken("admin");
        double retriesBefore = outageRetries();

        String during = UUID.randomUUID().toString();
        String eventId;
        outage.stopServer();
        try {
            eventId = publish(during, 1, "standard", 10, List.of("DE", "FR"));
            Instant published = Instant.now();
            // While it is down, a request that needs the database is a 503 problem asking to retry, not a 500.
            given().auth().oauth2(admin).get("/api/v1/billing/dramas/{id}/prices", before).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            // The outage lasts until the consumer has been refused more often than its old limit allowed, and its
            // record has waited longer than the connector's default limit.
            await().atMost(BEYOND_THE_CONNECTORS_DEFAULT_LIMIT.plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outageRetries() - retriesBefore >= BEYOND_THE_OLD_LIMIT
                            && Duration.between(published, Instant.now()).compareTo(BEYOND_THE_CONNECTORS_DEFAULT_LIMIT) > 0);
        } finally {
            outage.startServer();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> pricingEvents(during) == 2);
        // Applied, and once: a dead-lettered event is never applied, and a redelivered one is applied once.
        assertThat(Stack.count("select count(*) from drama_price where drama_id = ?::uuid", during)).isEqualTo(2);
        assertThat(Stack.count("select count(*) from inbox_message where event_id = ?", eventId)).isEqualTo(1);

        // The channel was not failed by the wait: it goes on consuming, and the service stays alive.
        String after = UUID.randomUUID().toString();
        awaitConsumed(publish(after, 1, "standard", 10, List.of("DE")));
        assertThat(pricingEvents(after)).isEqualTo(1);
        given().get("/q/health/live").then().statusCode(200);
    }

    private double outageRetries() {
        return metrics.counter(IncomingDelivery.OUTAGE_RETRIES).count();
    }
}
