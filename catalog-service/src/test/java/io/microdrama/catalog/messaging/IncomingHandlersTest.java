package io.microdrama.catalog.messaging;

import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microdrama.catalog.application.AuditLog;
import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.support.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Component tests of catalog's two incoming handlers without Kafka or a database: a message as the Kafka connector
 * delivers it (binary CloudEvent) goes in, and the use case they call is a fake that records what it was given.
 * A valid event reaches the use case typed; a malformed one is nacked as poison (→ DLQ) and reaches nothing.
 */
class IncomingHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String DRAMA = "6f1c9a52-3b7e-4d7a-9a51-2f0e7c1d4b11";

    private final FakeAnswers answers = new FakeAnswers();
    private final IncomingDelivery delivery = IncomingDelivery.retrying(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private final LocalizationReadinessHandler readinessHandler = new LocalizationReadinessHandler(delivery, answers, JSON);
    private final BillingPricingHandler pricingHandler = new BillingPricingHandler(delivery, answers, JSON);
    private final FakeAuditLog auditLog = new FakeAuditLog();
    private final PlatformAuditHandler auditHandler = new PlatformAuditHandler(delivery, auditLog, JSON);

    @Test
    void aReadinessEventReachesTheUseCaseTyped() {
        Delivery delivery = cloudEvent(CloudEventTypes.READINESS_CHANGED, """
                {"dramaId":"%s","dramaVersion":3,"region":"GB","ready":false,"requiredLanguages":["en","fr"],
                 "missingLanguages":["fr"],"availableLanguages":["en"],"changedAt":"2026-01-01T00:00:00Z"}""".formatted(DRAMA));
        readinessHandler.onRecords(List.of(delivery.message)).await().indefinitely();
        assertThat(answers.readiness).containsExactly(new RolloutAnswers.Readiness(UUID.fromString(DRAMA), "GB", 3, false,
                List.of("fr"), List.of("en")));
        assertThat(answers.batches).isEqualTo(1);
        // Records of a batch are acknowledged by the batch (its latest offset per partition), not one by one.
        assertThat(delivery.acked).isFalse();
        assertThat(delivery.nackedWith).isNull();
    }

    @Test
    void theRecordsOfOnePollAreAppliedTogetherAndOnlyThePoisonAmongThemIsDeadLettered() {
        Delivery gb = readiness("GB");
        Delivery poison = cloudEvent(CloudEventTypes.READINESS_CHANGED, "{not json");
        Delivery us = readiness("US");
        readinessHandler.onRecords(List.of(gb.message, poison.message, us.message)).await().indefinitely();

        assertThat(answers.batches).isEqualTo(1);
        assertThat(answers.readiness).extracting(RolloutAnswers.Readiness::region).containsExactly("GB", "US");
        assertThat(poison.nackedWith).isInstanceOf(PoisonMessageException.class);
        assertThat(gb.nackedWith).isNull();
        assertThat(us.nackedWith).isNull();
    }

    @Test
    void whenTheRecordsCannotBeAppliedTogetherEachIsAppliedAloneAndOnlyTheOneRefusedIsDeadLettered() {
        answers.refuseTogether = true;
        answers.refuseAlone = "US";
        Delivery gb = readiness("GB");
        Delivery us = readiness("US");
        Delivery fr = readiness("FR");
        readinessHandler.onRecords(List.of(gb.message, us.message, fr.message)).await().indefinitely();

        assertThat(answers.readiness).extracting(RolloutAnswers.Readiness::region).containsExactly("GB", "FR");
        assertThat(us.nackedWith).isInstanceOf(IllegalStateException.class);
        assertThat(gb.nackedWith).isNull();
        assertThat(fr.nackedWith).isNull();
    }

    private static Delivery readiness(String region) {
        return cloudEvent(CloudEventTypes.READINESS_CHANGED, """
                {"dramaId":"%s","dramaVersion":3,"region":"%s","ready":true,"requiredLanguages":["en"],
                 "missingLanguages":[],"availableLanguages":["en"],"changedAt":"2026-01-01T00:00:00Z"}"""
                .formatted(DRAMA, region));
    }

    @Test
    void aPriceEventReachesTheUseCaseTyped() {
        Delivery delivery = cloudEvent(CloudEventTypes.PRICING_SET, price(DRAMA, """
                "episodeDisplayPrice":{"amountMinor":79,"currency":"GBP","minorUnits":2},"""));
        pricingHandler.onRecords(List.of(delivery.message)).await().indefinitely();
        assertThat(answers.prices).containsExactly(new RolloutAnswers.Price(UUID.fromString(DRAMA), "GB", 2, "GBP", 79, 2,
                60, 5));
        assertThat(delivery.nackedWith).isNull();
    }

    @Test
    void payloadsThatDoNotMatchTheContractArePoison() {
        List<Delivery> poison = List.of(
                cloudEvent(CloudEventTypes.READINESS_CHANGED, "{not json"),
                cloudEvent(CloudEventTypes.READINESS_CHANGED, """
                        {"dramaId":"not-a-uuid","dramaVersion":1,"region":"GB","ready":true,"requiredLanguages":[],
                         "missingLanguages":[],"availableLanguages":[],"changedAt":"2026-01-01T00:00:00Z"}"""),
                cloudEvent(CloudEventTypes.READINESS_CHANGED, """
                        {"dramaId":"%s","region":"GB","ready":true}""".formatted(DRAMA)),
                cloudEvent(CloudEventTypes.READINESS_CHANGED, "   "),
                notACloudEvent("{\"dramaId\":\"" + DRAMA + "\"}"));
        for (Delivery delivery : poison) {
            readinessHandler.onRecords(List.of(delivery.message)).await().indefinitely();
            assertThat(delivery.nackedWith).as(delivery.message.getPayload()).isInstanceOf(PoisonMessageException.class);
            assertThat(delivery.acked).isFalse();
        }
        assertThat(answers.readiness).isEmpty();
        assertThat(answers.batches).isZero();
    }

    @Test
    void aPriceWithoutItsDisplayPriceOrWithABadDramaIdIsPoison() {
        List<Delivery> poison = List.of(
                cloudEvent(CloudEventTypes.PRICING_SET, price(DRAMA, "")),
                cloudEvent(CloudEventTypes.PRICING_SET, price("42", """
                        "episodeDisplayPrice":{"amountMinor":79,"currency":"GBP","minorUnits":2},""")),
                notACloudEvent(price(DRAMA, "")));
        for (Delivery delivery : poison) {
            pricingHandler.onRecords(List.of(delivery.message)).await().indefinitely();
            assertThat(delivery.nackedWith).as(delivery.message.getPayload()).isInstanceOf(PoisonMessageException.class);
        }
        assertThat(answers.prices).isEmpty();
    }

    @Test
    void anAuditRecordReachesTheUseCaseWithItsEventIdAndBeforeAfterAsJson() {
        Delivery delivery = cloudEvent(CloudEventTypes.AUDIT_RECORDED, audit("\"actor\":\"ops-eu\",", "[\"GB\"]"));
        auditHandler.onRecords(List.of(delivery.message)).await().indefinitely();

        assertThat(auditLog.batches).isEqualTo(1);
        assertThat(auditLog.entries).hasSize(1);
        AuditEntry entry = auditLog.entries.get(0);
        assertThat(entry.eventId()).isEqualTo(UUID.fromString(delivery.message.getMetadata(
                io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata.class).orElseThrow().getId()));
        assertThat(entry.actor()).isEqualTo("ops-eu");
        assertThat(entry.dramaId()).isEqualTo(UUID.fromString(DRAMA));
        assertThat(entry.regions()).containsExactly("GB");
        assertThat(entry.beforeJson()).isEqualTo("{\"onHold\":false}");
        assertThat(entry.afterJson()).isNull();
    }

    @Test
    void anAuditRecordWithoutAnActorOrWithARegionGroupIsPoison() {
        List<Delivery> poison = List.of(
                cloudEvent(CloudEventTypes.AUDIT_RECORDED, audit("", "[\"GB\"]")),
                cloudEvent(CloudEventTypes.AUDIT_RECORDED, audit("\"actor\":\" \",", "[\"GB\"]")),
                cloudEvent(CloudEventTypes.AUDIT_RECORDED, audit("\"actor\":\"ops-eu\",", "[\"EU\"]")),
                cloudEvent(CloudEventTypes.AUDIT_RECORDED, "{\"actor\":\"ops-eu\"}"));
        Delivery valid = cloudEvent(CloudEventTypes.AUDIT_RECORDED, audit("\"actor\":\"ops-eu\",", "[\"GB\"]"));
        List<Message<String>> batch = new ArrayList<>(poison.stream().map(delivery -> delivery.message).toList());
        batch.add(1, valid.message);
        auditHandler.onRecords(batch).await().indefinitely();
        for (Delivery delivery : poison) {
            assertThat(delivery.nackedWith).as(delivery.message.getPayload()).isInstanceOf(PoisonMessageException.class);
        }
        assertThat(valid.nackedWith).isNull();
        assertThat(auditLog.entries).as("the valid record of the same poll").hasSize(1);
    }

    private static String audit(String actor, String regions) {
        return """
                {%s"actorRole":"ops","action":"HOLD_RELEASED","occurredAt":"2026-01-01T00:00:00Z","service":"catalog",
                 "entityType":"rollout","entityId":"%s/GB","dramaId":"%s","studioId":"aurora","regions":%s,
                 "reason":null,"before":{"onHold":false},"after":null}""".formatted(actor, DRAMA, DRAMA, regions);
    }

    private static String price(String dramaId, String displayPrice) {
        return """
                {"dramaId":"%s","dramaVersion":2,"region":"GB","pricingTier":"standard","freeEpisodes":5,
                 "coinsPerEpisode":60,"seriesCoins":0,%s"taxInclusive":true,"source":"TIER",
                 "setAt":"2026-01-01T00:00:00Z"}""".formatted(dramaId, displayPrice);
    }

    /** A message as the Kafka connector hands it over in binary CloudEvent mode, recording ack and nack. */
    private static Delivery cloudEvent(String type, String payload) {
        var metadata = new DefaultIncomingCloudEventMetadata<>("1.0", UUID.randomUUID().toString(), URI.create("/test"),
                type, "application/json", null, DRAMA, ZonedDateTime.now(), Map.of(), payload);
        return new Delivery(payload, Metadata.of(metadata));
    }

    private static Delivery notACloudEvent(String payload) {
        return new Delivery(payload, Metadata.empty());
    }

    private static final class Delivery {
        final Message<String> message;
        boolean acked;
        Throwable nackedWith;

        Delivery(String payload, Metadata metadata) {
            message = Message.of(payload, metadata, () -> {
                acked = true;
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                nackedWith = failure;
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    /** The audit trail's use case, minus the inbox and the database. */
    private static final class FakeAuditLog extends AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();
        int batches;

        FakeAuditLog() {
            super(null, null, null);
        }

        @Override
        public Uni<Void> appendAll(List<IncomingDelivery.Decoded<AuditEntry>> batch) {
            batches++;
            batch.forEach(decoded -> entries.add(decoded.value()));
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> append(IncomingEvent event, AuditEntry entry) {
            entries.add(entry);
            return Uni.createFrom().voidItem();
        }
    }

    /**
     * The use cases, minus the inbox and the database: records the typed answers (together or alone); can refuse the
     * batch, and one region alone.
     */
    private static final class FakeAnswers extends RolloutAnswers {
        final List<Readiness> readiness = new ArrayList<>();
        final List<Price> prices = new ArrayList<>();
        int batches;
        boolean refuseTogether;
        String refuseAlone;

        @Override
        public Uni<Void> applyReadinessAll(List<IncomingDelivery.Decoded<Readiness>> answers) {
            if (refuseTogether) {
                return Uni.createFrom().failure(new IllegalStateException("refused together"));
            }
            batches++;
            answers.forEach(answer -> readiness.add(answer.value()));
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> applyPriceAll(List<IncomingDelivery.Decoded<Price>> answers) {
            batches++;
            answers.forEach(answer -> prices.add(answer.value()));
            return Uni.createFrom().voidItem();
        }

        FakeAnswers() {
            super(null, null, null, null);
        }

        @Override
        public Uni<Void> applyReadiness(IncomingEvent event, Readiness answer) {
            if (answer.region().equals(refuseAlone)) {
                return Uni.createFrom().failure(new IllegalStateException("refused " + refuseAlone));
            }
            readiness.add(answer);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> applyPrice(IncomingEvent event, Price answer) {
            prices.add(answer);
            return Uni.createFrom().voidItem();
        }
    }
}
