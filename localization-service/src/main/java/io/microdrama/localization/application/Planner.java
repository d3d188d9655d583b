package io.microdrama.localization.application;

import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.Readiness;
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
     * After a track of the drama changed (an upload, an approval or rejection): the session's changes are flushed so
     * the tracks query sees them, then each open plan is recomputed with the languages it requires and those it
     * wants approved. Returns how many readiness events were appended (none where nothing changed, so doing it
     * again is harmless).
     */
    public Uni<Integer> afterTrackChange(Mutiny.Session session, LocalizedDrama drama) {
        return session.flush().chain(() -> dramas.plansOf(session, drama.id)).flatMap(plans -> tracks.forReadiness(session, drama.id)
                .flatMap(current -> {
                    List<RegionPlan> changed = new ArrayList<>();
                    for (RegionPlan plan : plans) {
                        if (!plan.closed && plan.apply(Readiness.of(plan.requiredLanguages, plan.approvalLanguages,
                                drama.episodeNumbers(), current), clock.instant())) {
                            changed.add(plan);
                        }
                    }
                    return emit(session, drama, changed);
                }));
    }

    /**
     * After the policy changed: each open plan of the drama gets the required languages, and the languages needing
     * approval, the new policy gives its region. Returns how many readiness events were appended.
     */
    public Uni<Integer> afterPolicyChange(Mutiny.Session session, LocalizedDrama drama, List<RegionPlan> plans,
            LanguagePolicy policy) {
        return tracks.forReadiness(session, drama.id).flatMap(current -> {
            List<RegionPlan> changed = new ArrayList<>();
            for (RegionPlan plan : plans) {
                String region = plan.key.region();
                Readiness readiness = Readiness.of(policy.requiredLanguages(region, drama.originalLanguage),
                        policy.approvalLanguages(region, drama.originalLanguage), drama.episodeNumbers(), current);
                if (!plan.closed && plan.apply(readiness, clock.instant())) {
                    changed.add(plan);
                }
            }
            return emit(session, drama, changed);
        });
    }

    /** Appends a readiness event per plan of {@code drama}, on the drama's answer lane. */
    public Uni<Integer> emit(Mutiny.Session session, LocalizedDrama drama, List<RegionPlan> plans) {
        if (plans.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String topic = drama.answerLane.readinessTopic();
        return outbox.appendAll(session, plans.stream().map(plan -> readinessEvent(topic, plan)).toList())
                .replaceWith(plans.size());
    }

    private Outbox.Pending readinessEvent(String topic, RegionPlan plan) {
        ReadinessChanged readiness = new ReadinessChanged(plan.key.dramaId().toString(), plan.dramaVersion, plan.key.region(),
                plan.ready, plan.requiredLanguages, plan.missingLanguages, plan.availableLanguages, clock.instant());
        return new Outbox.Pending(topic, "drama", plan.key.dramaId().toString(),
                CloudEventTypes.READINESS_CHANGED, readiness);
    }
}
