package io.microdrama.catalog;

import io.microdrama.catalog.application.RolloutAnswers;
import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.catalog.domain.AuditQuery;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.catalog.persistence.AuditRecordRepository;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.query.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.microdrama.catalog.CatalogTestSupport.connection;
import static io.microdrama.catalog.CatalogTestSupport.insertPublishedDrama;
import static io.microdrama.testing.PlanCacheProbe.ROUNDS;
import static io.microdrama.testing.PlanCacheProbe.plansStoredByMoreRounds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's statements reuse their query plan. Hibernate Reactive keys a native query's plan by its SQL and a result
 * mapping that has no equality, so each execution of the inbox's insert (which returned the new ids) stored one more
 * plan under the same hash. Under load the cache filled with copies and every lookup walked them: in a 20/s run of
 * the event path, resolving native plans grew from 1 % to 6 % of catalog's CPU samples within four minutes, and to
 * 16 % of localization's (benchmarks/README.md, "the query plan cache"). Redeliveries take the inbox's other path. The
 * cache's size is read as operators read it ({@link QueryPlans}, the gauge {@code hibernate.query.plans.cached}).
 */
@QuarkusTest
class QueryPlanCacheIT {

    @Inject
    RolloutAnswers answers;

    @Inject
    DramaRepository dramas;

    @Inject
    AuditRecordRepository audit;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void answerPollsAndTheirRedeliveriesStoreNoPlanPerPoll() throws Throwable {
        UUID dramaId = UUID.randomUUID();
        try (Connection db = connection()) {
            db.createStatement().execute("insert into studio (id, name, active, registered_by, registered_at, updated_at) "
                    + "values ('plan-cache', 'plan cache', true, 'test', now(), now()) on conflict do nothing");
            // QM and QN: user-assigned codes no storefront uses (as in LargeAnswerPollIT).
            insertPublishedDrama(db, "plan-cache", dramaId, List.of("QM", "QN"));
        }
        List<String> eventIds = new ArrayList<>();
        // Each round: a poll applied, then delivered again (the inbox's other path). Other statements of the running
        // service may store a few plans meanwhile; one per poll is the failure.
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), () -> {
            var poll = poll(dramaId, eventIds);
            apply(poll);
            apply(poll);
        })).as("plans stored by %d more polls and their redeliveries", ROUNDS).isLessThan(5);
        try (Connection db = connection();
                PreparedStatement inbox = db.prepareStatement(
                        "select count(*) from inbox_message where consumer = ? and event_id = any(?)")) {
            inbox.setString(1, RolloutAnswers.PRICING_CONSUMER);
            inbox.setArray(2, db.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet row = inbox.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("one inbox row per event").isEqualTo(eventIds.size());
            }
        }
    }

    private static List<IncomingDelivery.Decoded<RolloutAnswers.Price>> poll(UUID dramaId, List<String> eventIds) {
        List<IncomingDelivery.Decoded<RolloutAnswers.Price>> poll = new ArrayList<>();
        for (String region : List.of("QM", "QN")) {
            IncomingEvent event = new IncomingEvent(UUID.randomUUID().toString(), CloudEventTypes.PRICING_SET,
                    dramaId.toString(), "{}");
            eventIds.add(event.id());
            poll.add(new IncomingDelivery.Decoded<>(null, event, new RolloutAnswers.Price(dramaId, region, 1, "EUR", 199, 2, 20, 3)));
        }
        return poll;
    }

    private void apply(List<IncomingDelivery.Decoded<RolloutAnswers.Price>> poll) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> answers.applyPriceAll(poll));
    }

    /**
     * The reads people ask for are native SQL (the rollout state predicates of {@code RolloutStateSql}, PostgreSQL's
     * array operators) and stay out of the cache ({@link QueryPlans#UNCACHED}): before, each request stored a plan.
     * They still find what they should.
     */
    @Test
    void theStudioListTheRegionBoardAndTheAuditPageStoreNoPlanPerRequest() throws Throwable {
        UUID dramaId = UUID.randomUUID();
        String actor = "plan-cache-" + dramaId;
        try (Connection db = connection()) {
            db.createStatement().execute("insert into studio (id, name, active, registered_by, registered_at, updated_at) "
                    + "values ('plan-lists', 'plan lists', true, 'test', now(), now()) on conflict do nothing");
            insertPublishedDrama(db, "plan-lists", dramaId, List.of("QM"));
        }
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), Instant.now(), actor, "ops", "ROLLOUT_HELD", "catalog-service",
                "drama", dramaId.toString(), dramaId, "plan-lists", List.of("QM"), "test", null, null);
        Boolean appended = VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(session ->
                audit.append(session, entry)));
        assertThat(appended).isTrue();
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), () -> askEveryList(dramaId, actor)))
                .as("plans stored by %d more rounds of the lists", ROUNDS).isLessThan(5);

        // What operators watch: the same count on the Prometheus endpoint (it only grows between the two reads).
        int cached = QueryPlans.cached(sessions);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double gauge = metrics.lines().filter(line -> line.startsWith("hibernate_query_plans_cached"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no hibernate_query_plans_cached in /q/metrics"));
        assertThat(gauge).isGreaterThanOrEqualTo(cached);
    }

    private void askEveryList(UUID dramaId, String actor) throws Throwable {
        Instant now = Instant.now();
        List<UUID> studio = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session -> dramas.listOfStudio(
                session, "plan-lists", DramaStatus.PUBLISHED, RolloutState.WAITING, now, 0, 50))).stream()
                .map(drama -> drama.id).toList();
        assertThat(studio).contains(dramaId);
        List<UUID> board = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session -> dramas.board(
                session, "QM", null, "LOCALIZATION_PENDING", now, 0, 500))).stream()
                .map(row -> row.key.dramaId()).toList();
        assertThat(board).contains(dramaId);
        AuditQuery.Page page = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session -> audit.page(
                session, new AuditQuery(dramaId, "QM", actor, AuditQuery.Scope.regions(Set.of("QM")), 0, 10))));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.entries()).extracting(AuditEntry::actor).containsExactly(actor);
    }
}
