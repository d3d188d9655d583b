package io.microdrama.localization.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.RegionPlan;
import io.microdrama.support.inbox.IdempotentConsumer;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happens when catalog's drama events arrive.
 * <ul>
 * <li>{@code drama.published}: each licensed country gets a plan with its required subtitle languages, and its
 * readiness is emitted through the outbox (catalog needs an answer for every new version). Countries no longer
 * licensed have their plan closed. A version older than the one planned changes nothing.</li>
 * <li>{@code drama.withdrawn}: every plan of the drama is closed; nothing more is emitted for it.</li>
 * </ul>
 */
@ApplicationScoped
public class DramaEventsHandler {

    static final String CONSUMER = "localization.catalog-dramas";

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final LanguagePolicy policy;
    private final Clock clock;

    public DramaEventsHandler(IdempotentConsumer consumer, Outbox outbox, ObjectMapper json, LanguagePolicy policy, Clock clock) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.json = json;
        this.policy = policy;
        this.clock = clock;
    }

    @Incoming("dramas")
    public Uni<Void> onMessage(Message<String> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(Mutiny.Session session, IncomingEvent event) {
        return CatalogDramaEvents.dispatch(event, json,
                published -> planPublished(session, published), withdrawn -> closeWithdrawn(session, withdrawn));
    }

    private Uni<Void> planPublished(Mutiny.Session session, DramaPublished drama) {
        UUID dramaId = UUID.fromString(drama.dramaId());
        return plansOf(session, dramaId).flatMap(existing -> {
            if (existing.values().stream().anyMatch(plan -> plan.dramaVersion > drama.dramaVersion())) {
                return Uni.createFrom().voidItem(); // a newer version was planned already
            }
            List<RegionPlan> plans = drama.licences().stream().map(DramaPublished.Licence::region).distinct().map(region -> {
                RegionPlan plan = existing.getOrDefault(region, RegionPlan.of(dramaId, region));
                plan.planFor(drama.dramaVersion(), drama.studioId(), drama.originalLanguage(), drama.episodes().size(),
                        policy.requiredLanguages(region, drama.originalLanguage()), clock.instant());
                return plan;
            }).toList();
            existing.values().stream().filter(plan -> !plans.contains(plan)).forEach(plan -> plan.closed = true);
            return session.persistAll(plans.stream().filter(plan -> !existing.containsValue(plan)).toArray())
                    .chain(() -> outbox.appendAll(session, plans.stream().map(this::readiness).toList()));
        });
    }

    private Uni<Void> closeWithdrawn(Mutiny.Session session, DramaWithdrawn withdrawn) {
        return plansOf(session, UUID.fromString(withdrawn.dramaId()))
                .invoke(plans -> plans.values().stream()
                        .filter(plan -> plan.dramaVersion <= withdrawn.dramaVersion())
                        .forEach(plan -> {
                            plan.closed = true;
                            plan.updatedAt = clock.instant();
                        }))
                .replaceWithVoid();
    }

    private Uni<Map<String, RegionPlan>> plansOf(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionPlan where key.dramaId = :drama", RegionPlan.class)
                .setParameter("drama", dramaId).getResultList()
                .map(list -> list.stream().collect(Collectors.toMap(plan -> plan.key.region(), Function.identity())));
    }

    private Outbox.Pending readiness(RegionPlan plan) {
        List<String> available = plan.requiredLanguages.stream().filter(l -> !plan.missingLanguages.contains(l)).toList();
        ReadinessChanged readiness = new ReadinessChanged(plan.key.dramaId().toString(), plan.dramaVersion, plan.key.region(),
                plan.ready, plan.requiredLanguages, plan.missingLanguages, available, clock.instant());
        return new Outbox.Pending(Topics.LOCALIZATION_READINESS, "drama", plan.key.dramaId().toString(),
                CloudEventTypes.READINESS_CHANGED, readiness);
    }
}
