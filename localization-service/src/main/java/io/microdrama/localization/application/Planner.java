package io.microdrama.localization.application;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.Readiness;
import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.LocalizedDrama;
import io.microdrama.localization.persistence.RegionPlan;
import io.microdrama.localization.persistence.TrackRepository;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Recomputes readiness of a drama's open plans from its accepted tracks and appends
 * {@code localization.readiness.changed} to the outbox for every plan whose result changed. The one place this
 * service builds an outgoing event. Callers hold the drama's
 * row lock (see {@link DramaRepository}) inside the transaction that changed plans, tracks or policy.
 */
@ApplicationScoped
public class Planner {

    private final DramaRepository dramas;
    private final TrackRepository tracks;
    private final Outbox outbox;
    private final Clock clock;

    public Planner(DramaRepository dramas, TrackRepository tracks, Outbox outbox, Clock clock) {
        this.dramas = dramas;
        this.tracks = tracks;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * After a track of the drama changed. {@code adjust} corrects the accepted set for the change made in this
     * session (not yet flushed, so the query cannot see it). Returns how many readiness events were appended.
     */
    public Uni<Integer> afterTrackChange(Mutiny.Session session, LocalizedDrama drama, UnaryOperator<Set<AcceptedTrack>> adjust) {
        return dramas.plansOf(session, drama.id).flatMap(plans -> tracks.accepted(session, drama.id).flatMap(accepted -> {
            Set<AcceptedTrack> current = adjust.apply(accepted);
            List<RegionPlan> changed = new ArrayList<>();
            for (RegionPlan plan : plans) {
                if (!plan.closed && plan.apply(Readiness.of(plan.requiredLanguages, drama.episodeNumbers(), current), clock.instant())) {
                    changed.add(plan);
                }
            }
            return emit(session, changed);
        }));
    }

    /**
     * After the policy changed: each open plan of the drama gets the required languages the new policy gives its
     * region. Returns how many readiness events were appended.
     */
    public Uni<Integer> afterPolicyChange(Mutiny.Session session, LocalizedDrama drama, List<RegionPlan> plans,
            LanguagePolicy policy) {
        return tracks.accepted(session, drama.id).flatMap(accepted -> {
            List<RegionPlan> changed = new ArrayList<>();
            for (RegionPlan plan : plans) {
                List<String> required = policy.requiredLanguages(plan.key.region(), drama.originalLanguage);
                if (!plan.closed && plan.apply(Readiness.of(required, drama.episodeNumbers(), accepted), clock.instant())) {
                    changed.add(plan);
                }
            }
            return emit(session, changed);
        });
    }

    public Uni<Integer> emit(Mutiny.Session session, List<RegionPlan> plans) {
        if (plans.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return outbox.appendAll(session, plans.stream().map(this::readinessEvent).toList()).replaceWith(plans.size());
    }

    private Outbox.Pending readinessEvent(RegionPlan plan) {
        ReadinessChanged readiness = new ReadinessChanged(plan.key.dramaId().toString(), plan.dramaVersion, plan.key.region(),
                plan.ready, plan.requiredLanguages, plan.missingLanguages, plan.availableLanguages, clock.instant());
        return new Outbox.Pending(Topics.LOCALIZATION_READINESS, "drama", plan.key.dramaId().toString(),
                CloudEventTypes.READINESS_CHANGED, readiness);
    }
}
