package io.microdrama.catalog;

import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.microdrama.catalog.CatalogTestSupport.connection;
import static io.microdrama.catalog.CatalogTestSupport.insertPublishedDrama;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll with answers for many rollouts is applied whole, on the event loop as the answer channels run it. Catalog's
 * bulk answer channels once stopped for good in a back catalogue import: writing a poll's rows back nested one call per
 * row, a few hundred rows overflowed the event loop's stack, and the transaction was left open with its rows locked,
 * never failing. 2 000 answers are four polls' worth (500 records each), for 50 dramas in 40 regions.
 */
@QuarkusTest
class LargeAnswerPollIT {

    private static final int DRAMAS = 50;

    @Inject
    RolloutAnswers answers;

    @Test
    void aPollOfTwoThousandPricesIsAppliedInOneGo() throws Exception {
        List<UUID> dramaIds = new ArrayList<>();
        List<String> regions = regions();
        try (Connection db = connection()) {
            db.createStatement().execute("insert into studio (id, name, active, registered_by, registered_at, updated_at) "
                    + "values ('large-poll', 'large poll', true, 'test', now(), now()) on conflict do nothing");
            for (int i = 0; i < DRAMAS; i++) {
                UUID dramaId = UUID.randomUUID();
                dramaIds.add(dramaId);
                insertPublishedDrama(db, "large-poll", dramaId, regions);
            }
        }
        List<IncomingDelivery.Decoded<RolloutAnswers.Price>> poll = new ArrayList<>();
        for (UUID dramaId : dramaIds) {
            for (String region : regions) {
                IncomingEvent event = new IncomingEvent(UUID.randomUUID().toString(), CloudEventTypes.PRICING_SET,
                        dramaId.toString(), "{}");
                poll.add(new IncomingDelivery.Decoded<>(null, event,
                        new RolloutAnswers.Price(dramaId, region, 1, "EUR", 199, 2, 20, 3)));
            }
        }

        // Bounded: the failure this guards against is a reply that never comes.
        CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> answers.applyPriceAll(poll));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);

        try (Connection db = connection();
                PreparedStatement priced = db.prepareStatement("select count(*) filter (where pricing_version = 1 "
                        + "and price_minor = 199 and currency = 'EUR'), count(*) from regional_rollout where drama_id = any(?)")) {
            priced.setArray(1, db.createArrayOf("uuid", dramaIds.toArray()));
            try (ResultSet row = priced.executeQuery()) {
                row.next();
                assertThat(row.getLong(2)).isEqualTo(poll.size());
                assertThat(row.getLong(1)).as("every rollout priced").isEqualTo(poll.size());
            }
            try (PreparedStatement inbox = db.prepareStatement(
                    "select count(*) from inbox_message where consumer = ? and event_id = any(?)")) {
                inbox.setString(1, RolloutAnswers.PRICING_CONSUMER);
                inbox.setArray(2, db.createArrayOf("varchar",
                        poll.stream().map(decoded -> decoded.event().id()).toArray()));
                try (ResultSet row = inbox.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).isEqualTo(poll.size());
                }
            }
        }
    }

    /**
     * ISO 3166's user-assigned codes QM-QZ and XA-XZ: 40 regions no country and no storefront uses (catalog takes any
     * two letters), so these rows never reach a storefront other tests read.
     */
    private static List<String> regions() {
        List<String> codes = new ArrayList<>();
        for (char second = 'M'; second <= 'Z'; second++) {
            codes.add("Q" + second);
        }
        for (char second = 'A'; second <= 'Z'; second++) {
            codes.add("X" + second);
        }
        return codes;
    }
}
