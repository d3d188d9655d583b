package io.microdrama.localization.application;

import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.localization.domain.EpisodeSpan;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.Readiness;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.LocalizedDrama;
import io.microdrama.localization.persistence.PolicyRepository;
import io.microdrama.localization.persistence.RegionPlan;
import io.microdrama.localization.persistence.TrackRepository;
import io.microdrama.support.inbox.CatalogDramaEvent;
import io.microdrama.support.inbox.Inbox;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What catalog's drama events change here, each at most once: the inbox row, the effects and the readiness events
 * appended to the outbox are one transaction (see {@link Inbox}; the handler's IncomingDelivery acknowledges the message after it).
 * The events of one poll share that transaction ({@link #applyAll}); if it fails they are applied one by one.
 * <ul>
 * <li>{@code drama.published}: the drama's snapshot (owner, external id, original language, episodes with lengths)
 * replaces the one kept. Tracks of episodes whose length changed are QC'd again (a cue may now run past the end).
 * Each licensed country is planned with the languages the current policy requires, readiness is computed from the
 * accepted tracks, and a readiness event is appended to the outbox for every country: catalog needs an answer for
 * each new version. For the same version again, only a changed result is emitted. Countries no longer licensed
 * have their plan closed. A version older than the one kept, or not newer than a withdrawal, changes nothing. A drama's
 * readiness events take the lane of the catalog topic it was first heard of on ({@link EventLane}), for good.</li>
 * <li>{@code drama.withdrawn}: the drama and every plan of it are closed; nothing more is emitted for it and
 * uploads are refused.</li>
 * </ul>
 */
@ApplicationScoped
public class DramaPlanning {

    /** The inbox consumer name: one inbox per consumer, so a replay to this service is recognised. */
    public static final String CONSUMER = "localization.catalog-dramas";

    private final Inbox inbox;
    private final DramaRepository dramas;
    private final TrackRepository tracks;
    private final PolicyRepository policies;
    private final Planner planner;
    private final TrackQualityControl qualityControl;
    private final Clock clock;

    public DramaPlanning(Inbox inbox, DramaRepository dramas, TrackRepository tracks,
            PolicyRepository policies, Planner planner, TrackQualityControl qualityControl, Clock clock) {
        this.inbox = inbox;
        this.dramas = dramas;
        this.tracks = tracks;
        this.policies = policies;
        this.planner = planner;
        this.qualityControl = qualityControl;
        this.clock = clock;
    }

    /**
     * The drama events of one poll in one transaction with their inbox rows, each applied in arrival order as if
     * alone (the same session, flushed between events): one commit for a back catalogue's burst instead of one per
     * drama.
     */
    public Uni<Void> applyAll(List<IncomingDelivery.Decoded<CatalogDramaEvent>> events) {
        return inbox.onceEachInTurn(CONSUMER, events, (session, decoded) -> applyIn(session, decoded.value()));
    }

    /** One drama event, once per CloudEvent id, in its own transaction with its inbox row. */
    public Uni<Void> apply(IncomingEvent event, CatalogDramaEvent decoded) {
        return inbox.once(CONSUMER, event, session -> applyIn(session, decoded));
    }

    private Uni<Void> applyIn(Mutiny.Session session, CatalogDramaEvent decoded) {
        if (decoded instanceof CatalogDramaEvent.Published published) {
            return planPublished(session, published.dramaId(), published.lane(), published.drama());
        }
        CatalogDramaEvent.Withdrawn withdrawn = (CatalogDramaEvent.Withdrawn) decoded;
        return closeWithdrawn(session, withdrawn.dramaId(), withdrawn.drama());
    }

    private Uni<Void> planPublished(Mutiny.Session session, UUID dramaId, EventLane lane, DramaPublished published) {
        Instant now = clock.instant();
        return policies.lockShared(session)
                .chain(() -> dramas.findForUpdate(session, dramaId))
                .flatMap(existing -> {
                    if (existing != null && existing.isStale(published.dramaVersion())) {
                        return Uni.createFrom().voidItem(); // a newer version was planned, or the drama was withdrawn
                    }
                    // A known drama keeps its answer lane (catalog keeps its event lane too): its answers stay in order.
                    LocalizedDrama drama = existing != null ? existing : LocalizedDrama.of(dramaId, lane);
                    Map<Integer, Long> lengthsBefore = existing == null ? Map.of() : existing.episodes.stream()
                            .collect(Collectors.toMap(EpisodeSpan::number, EpisodeSpan::durationMs));
                    drama.apply(published, now);
                    Uni<Void> stored = existing == null ? session.persist(drama) : Uni.createFrom().voidItem();
                    return stored
                            .chain(() -> recheckResizedEpisodes(session, drama, lengthsBefore, now))
                            .chain(() -> policies.current(session))
                            .flatMap(policy -> plan(session, drama, published, policy, now));
                });
    }

    private Uni<Void> recheckResizedEpisodes(Mutiny.Session session, LocalizedDrama drama, Map<Integer, Long> lengthsBefore,
            Instant now) {
        List<Integer> resized = drama.episodes.stream()
                .filter(episode -> lengthsBefore.containsKey(episode.number())
                        && lengthsBefore.get(episode.number()) != episode.durationMs())
                .map(EpisodeSpan::number).toList();
        return tracks.ofEpisodes(session, drama.id, resized)
                .invoke(found -> found.forEach(track -> track.recheck(qualityControl.check(track.document, track.key.language(),
                        drama.episode(track.key.episode()).orElseThrow()), now)))
                // the accepted-tracks query below must see the new verdicts
                .call(found -> found.isEmpty() ? Uni.createFrom().voidItem() : session.flush())
                .replaceWithVoid();
    }

    private Uni<Void> plan(Mutiny.Session session, LocalizedDrama drama, DramaPublished published, LanguagePolicy policy,
            Instant now) {
        return dramas.plansOf(session, drama.id).flatMap(existingPlans -> tracks.forReadiness(session, drama.id).flatMap(current -> {
            Map<String, RegionPlan> byRegion = existingPlans.stream()
                    .collect(Collectors.toMap(plan -> plan.key.region(), Function.identity()));
            Set<String> licensed = published.licences().stream().map(DramaPublished.Licence::region)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            List<RegionPlan> created = new ArrayList<>();
            List<RegionPlan> toEmit = new ArrayList<>();
            for (String region : licensed) {
                RegionPlan plan = byRegion.get(region);
                if (plan == null) {
                    plan = RegionPlan.of(drama.id, region);
                    created.add(plan);
                }
                Readiness readiness = Readiness.of(policy.requiredLanguages(region, drama.originalLanguage),
                        policy.approvalLanguages(region, drama.originalLanguage), drama.episodeNumbers(), current);
                if (plan.planFor(drama.dramaVersion, drama.studioId, drama.originalLanguage, drama.episodes.size(),
                        readiness, now)) {
                    toEmit.add(plan);
                }
            }
            existingPlans.stream().filter(plan -> !licensed.contains(plan.key.region())).forEach(plan -> plan.close(now));
            return session.persistAll(created.toArray()).chain(() -> planner.emit(session, drama, toEmit)).replaceWithVoid();
        }));
    }

    private Uni<Void> closeWithdrawn(Mutiny.Session session, UUID dramaId, DramaWithdrawn withdrawn) {
        Instant now = clock.instant();
        return dramas.findForUpdate(session, dramaId).flatMap(drama -> {
            if (drama == null || withdrawn.dramaVersion() < drama.dramaVersion) {
                return Uni.createFrom().voidItem(); // never published here, or published again after this withdrawal
            }
            drama.withdraw(withdrawn.dramaVersion(), now);
            return dramas.plansOf(session, drama.id).invoke(plans -> plans.forEach(plan -> plan.close(now))).replaceWithVoid();
        });
    }
}
