package io.microdrama.localization.application;

import io.microdrama.localization.domain.Approval;
import io.microdrama.localization.domain.Approval.Decision;
import io.microdrama.localization.domain.Approval.Outcome;
import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.Refusal;
import io.microdrama.localization.domain.Track;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.LocalizedDrama;
import io.microdrama.localization.persistence.RegionPlan;
import io.microdrama.localization.persistence.SubtitleTrack;
import io.microdrama.localization.persistence.TrackRepository;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditSubject;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's approval or rejection of subtitle tracks, one (drama, episode, language) at a time or every episode of
 * a drama in one language at once. In one transaction holding the drama's row lock: the caller's access is checked
 * against the countries that want the language approved, each track is judged ({@link Approval#judge}: four-eyes,
 * QC-accepted only, idempotent), the decisions are recorded on the tracks' current revisions and readiness is
 * recomputed once, its events appended to the outbox only where a plan's result changed. Approvals are API actions
 * only: no incoming event approves anything.
 */
@ApplicationScoped
public class ApprovalService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final TrackRepository tracks;
    private final Planner planner;
    private final Clock clock;
    private final AuditTrail audit;

    public ApprovalService(Mutiny.SessionFactory sessions, DramaRepository dramas, TrackRepository tracks, Planner planner,
            Clock clock, AuditTrail audit) {
        this.sessions = sessions;
        this.dramas = dramas;
        this.tracks = tracks;
        this.planner = planner;
        this.clock = clock;
        this.audit = audit;
    }

    /** Decides whether the caller may decide on the drama's tracks in a language; throws if not (404 or 403). */
    @FunctionalInterface
    public interface Access {
        /**
         * @param approvalLanguagesByRegion per open plan's country, the languages it wants approved
         * @return the role the caller decides in (recorded with the decision)
         */
        String check(DramaSummary drama, Map<String, List<String>> approvalLanguagesByRegion);
    }

    /** What the caller decides, and who it is (the token's subject). */
    public record Request(Decision decision, String comment, String decider) {
    }

    /** {@code changed} false when the track already carried this decision (nothing written, nothing announced). */
    public record Result(DramaSummary drama, Track track, boolean changed) {
    }

    /** One episode of a bulk decision: its outcome and, where a track exists, the track. */
    public record EpisodeResult(int episode, EpisodeOutcome outcome, Track track) {
    }

    public enum EpisodeOutcome {
        DECIDED, UNCHANGED,
        /** Left alone: the caller uploaded this revision (four-eyes). */
        OWN_UPLOAD,
        /** Left alone: the track failed QC. */
        NOT_QC_ACCEPTED,
        /** No track for this episode in the language. */
        MISSING
    }

    public record BulkResult(DramaSummary drama, String language, Decision decision, List<EpisodeResult> episodes) {
    }

    public Uni<Result> decide(UUID dramaId, int episode, String language, Request request, Access access) {
        requireValid(request);
        Instant now = clock.instant();
        return sessions.withTransaction(session -> lockAndCheck(session, dramaId, access).flatMap(locked -> {
            LocalizedDrama drama = locked.drama();
            if (drama.episode(episode).isEmpty()) {
                throw Refusal.notFound("Episode " + episode + " of drama " + dramaId);
            }
            return tracks.find(session, new SubtitleTrack.Key(drama.id, episode, language)).flatMap(track -> {
                if (track == null) {
                    throw Refusal.notFound("A " + language + " subtitle track for episode " + episode + " of drama " + dramaId);
                }
                Outcome outcome = judge(track, request);
                switch (outcome) {
                    case OWN_UPLOAD -> throw Refusal.forbidden("You uploaded revision " + track.revision + " of this track"
                            + " yourself; someone else must approve or reject it (four-eyes rule)");
                    case NOT_QC_ACCEPTED -> throw Refusal.conflict("Revision " + track.revision + " of this track failed QC;"
                            + " only a track that passed QC can be approved or rejected");
                    case UNCHANGED -> {
                        return Uni.createFrom().item(new Result(drama.summary(), track.snapshot(), false));
                    }
                    case DECIDED -> {
                        Map<String, Object> before = decisionForAudit(track, List.of(episode));
                        track.decide(request.decision(), request.comment(), request.decider(), locked.role(), now);
                        return planner.afterTrackChange(session, drama)
                                .call(() -> record(session, locked, language, request, before,
                                        decisionForAudit(track, List.of(episode))))
                                .map(events -> new Result(drama.summary(), track.snapshot(), true));
                    }
                }
                throw new IllegalStateException("unknown outcome " + outcome);
            });
        }));
    }

    /**
     * The same decision on every episode's current track in the language: tracks that passed QC and that the caller
     * did not upload are decided (or left unchanged when they already carry it); the others are reported with why.
     * Linear in the drama's episodes: one query for the tracks, one pass, one readiness recomputation.
     */
    public Uni<BulkResult> decideAll(UUID dramaId, String language, Request request, Access access) {
        requireValid(request);
        Instant now = clock.instant();
        return sessions.withTransaction(session -> lockAndCheck(session, dramaId, access).flatMap(locked -> {
            LocalizedDrama drama = locked.drama();
            List<Integer> episodes = drama.episodeNumbers();
            return tracks.ofLanguage(session, drama.id, language, episodes).flatMap(found -> {
                Map<Integer, SubtitleTrack> byEpisode = new HashMap<>();
                found.forEach(track -> byEpisode.put(track.key.episode(), track));
                Map<Integer, EpisodeOutcome> outcomes = new LinkedHashMap<>();
                boolean anyDecided = false;
                for (int episode : episodes) {
                    SubtitleTrack track = byEpisode.get(episode);
                    EpisodeOutcome outcome = track == null ? EpisodeOutcome.MISSING
                            : EpisodeOutcome.valueOf(judge(track, request).name());
                    if (outcome == EpisodeOutcome.DECIDED) {
                        track.decide(request.decision(), request.comment(), request.decider(), locked.role(), now);
                        anyDecided = true;
                    }
                    outcomes.put(episode, outcome);
                }
                List<Integer> decided = outcomes.entrySet().stream()
                        .filter(entry -> entry.getValue() == EpisodeOutcome.DECIDED).map(Map.Entry::getKey).toList();
                Uni<Integer> events = anyDecided
                        ? planner.afterTrackChange(session, drama).call(() -> record(session, locked, language, request,
                                null, Map.of("decision", request.decision().name(), "episodes", decided,
                                        "comment", request.comment() == null ? "" : request.comment())))
                        : Uni.createFrom().item(0);
                return events.map(ignored -> {
                    List<EpisodeResult> results = new ArrayList<>();
                    outcomes.forEach((episode, outcome) -> {
                        SubtitleTrack track = byEpisode.get(episode);
                        results.add(new EpisodeResult(episode, outcome, track == null ? null : track.snapshot()));
                    });
                    return new BulkResult(drama.summary(), language, request.decision(), results);
                });
            });
        }));
    }

    private record Locked(LocalizedDrama drama, String role, Map<String, List<String>> approvalLanguagesByRegion) {
    }

    /**
     * The decision in the platform's audit trail, in the same transaction: seen by ops of the countries that want the
     * language approved, by the studio, and by admins.
     */
    private Uni<Void> record(Mutiny.Session session, Locked locked, String language, Request request,
            Map<String, Object> before, Map<String, Object> after) {
        List<String> regions = locked.approvalLanguagesByRegion().entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue().contains(language)).map(Map.Entry::getKey).toList();
        DramaSummary drama = locked.drama().summary();
        AuditRecorded.Action action = request.decision() == Decision.APPROVED
                ? AuditRecorded.Action.SUBTITLE_APPROVED : AuditRecorded.Action.SUBTITLE_REJECTED;
        return audit.record(session, new Actor(request.decider(), locked.role()), action,
                new AuditSubject("subtitles", drama.id() + "/" + language, drama.id(), drama.studioId(), regions), request.comment(),
                AuditChanges.of(before, after));
    }

    private static Map<String, Object> decisionForAudit(SubtitleTrack track, List<Integer> episodes) {
        Approval approval = track.approval();
        if (approval == null) {
            return null;
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("episodes", episodes);
        decision.put("decision", approval.decision().name());
        decision.put("revision", approval.revision());
        if (approval.comment() != null) {
            decision.put("comment", approval.comment());
        }
        return decision;
    }

    private static void requireValid(Request request) {
        List<Refusal.Field> problems = Approval.problems(request.decision(), request.comment());
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    private static Outcome judge(SubtitleTrack track, Request request) {
        return Approval.judge(track.status, track.revision, track.uploadedBy, track.approval(), request.decision(),
                request.comment(), request.decider());
    }

    /** The drama under its row lock, the caller's access checked on its open plans, a withdrawn drama refused. */
    private Uni<Locked> lockAndCheck(Mutiny.Session session, UUID dramaId, Access access) {
        return dramas.findForUpdate(session, dramaId).flatMap(drama -> {
            if (drama == null) {
                throw Refusal.notFound("Drama " + dramaId);
            }
            return dramas.plansOf(session, drama.id).map(plans -> {
                Map<String, List<String>> approvalLanguages = new LinkedHashMap<>();
                for (RegionPlan plan : plans) {
                    if (!plan.closed) {
                        approvalLanguages.put(plan.key.region(), plan.approvalLanguages);
                    }
                }
                String role = access.check(drama.summary(), approvalLanguages);
                if (drama.withdrawn) {
                    throw Refusal.conflict("Drama " + drama.id + " is withdrawn; its subtitles are no longer approved");
                }
                return new Locked(drama, role, approvalLanguages);
            });
        });
    }
}
