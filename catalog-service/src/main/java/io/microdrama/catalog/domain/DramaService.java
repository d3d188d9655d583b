package io.microdrama.catalog.domain;

import io.microdrama.catalog.messaging.DramaEvents;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.support.outbox.Outbox;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Studio-side use cases. Each runs in one transaction; publishing writes the new rollout rows and the
 * {@code drama.published} outbox row together, so the event exists exactly when the state change does.
 */
@ApplicationScoped
public class DramaService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final Outbox outbox;
    private final Clock clock;

    private final AgeRatingPolicy ratingPolicy;

    public DramaService(Mutiny.SessionFactory sessions, DramaRepository dramas, Outbox outbox, Clock clock,
            AgeRatingPolicy ratingPolicy) {
        this.sessions = sessions;
        this.dramas = dramas;
        this.outbox = outbox;
        this.clock = clock;
        this.ratingPolicy = ratingPolicy;
    }

    public record UpsertResult(Drama drama, boolean created, boolean changed) {
    }

    public record DramaWithRollout(Drama drama, List<RegionalRollout> rollout) {
    }

    /**
     * Creates or replaces the drama's content; the same content twice changes nothing. Taking episodes away from
     * a published drama is refused unless {@code republish} asks to publish the new content in the same transaction,
     * so viewers never see a published version that lost episodes silently.
     */
    public Uni<UpsertResult> upsert(String studioId, String externalId, DramaContent content, Long expectedRevision,
            boolean republish) {
        return sessions.withTransaction(session -> requireActiveStudio(session, studioId)
                .chain(() -> dramas.findByExternalId(session, studioId, externalId))
                .flatMap(existing -> {
                    if (existing == null) {
                        if (expectedRevision != null) {
                            throw new ProblemException(412, "Precondition Failed", "Drama '" + externalId
                                    + "' does not exist yet; create it without If-Match");
                        }
                        Drama drama = Drama.draft(studioId, externalId);
                        drama.applyContent(content, clock.instant());
                        return session.persist(drama).replaceWith(new UpsertResult(drama, true, true));
                    }
                    if (expectedRevision != null && expectedRevision != existing.revision) {
                        throw new ProblemException(412, "Precondition Failed", "The drama changed since revision "
                                + expectedRevision + " (now " + existing.revision + "); read it again and retry");
                    }
                    if (existing.removesPublishedEpisodes(content) && !republish) {
                        throw ProblemException.conflict("Published version " + existing.dramaVersion + " has "
                                + existing.publishedEpisodes + " episodes and this content has " + content.episodes().size()
                                + ": removing published episodes needs a re-publish (PUT with ?republish=true) or a withdraw first");
                    }
                    boolean changed = existing.applyContent(content, clock.instant());
                    UpsertResult result = new UpsertResult(existing, false, changed);
                    if (changed && republish && existing.status == DramaStatus.PUBLISHED) {
                        return publishInSession(session, existing).replaceWith(result);
                    }
                    return Uni.createFrom().item(result);
                }))
                // Two writers passed the revision check at once; the version column let only one commit.
                .onFailure(OptimisticLockException.class).transform(failure -> expectedRevision != null
                        ? new ProblemException(412, "Precondition Failed", "The drama changed concurrently since revision "
                                + expectedRevision + "; read it again and retry")
                        : ProblemException.conflict("The drama was changed by a concurrent request; read it and retry"))
                .onFailure(DramaService::isUniqueViolation).transform(failure -> ProblemException.conflict("Drama '"
                        + externalId + "' was created by a concurrent request; read it and retry with its ETag"));
    }

    /** PostgreSQL unique_violation (SQLSTATE 23505) anywhere in the cause chain: two creates of one external id. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof ConstraintViolationException violation && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                    || String.valueOf(violation.getMessage()).contains("23505"))) {
                return true;
            }
        }
        return false;
    }

    public Uni<DramaWithRollout> publish(String studioId, String externalId) {
        return sessions.withTransaction(session -> requireActiveStudio(session, studioId)
                .chain(() -> requireDrama(session, studioId, externalId))
                .flatMap(drama -> publishInSession(session, drama)));
    }

    /** Publishing content that is already published as it is (a retried request) is a no-op: no new version. */
    private Uni<DramaWithRollout> publishInSession(Mutiny.Session session, Drama drama) {
        if (drama.isPublishedAsIs()) {
            return dramas.rolloutOf(session, drama.id).map(rollout -> new DramaWithRollout(drama, rollout));
        }
        drama.publish(clock.instant());
        return dramas.rolloutOfForUpdate(session, drama.id)
                .flatMap(existing -> syncRollout(session, drama, existing))
                .call(rollout -> outbox.append(session, DramaEvents.TOPIC, DramaEvents.AGGREGATE, drama.id.toString(),
                        DramaEvents.PUBLISHED, DramaEvents.published(drama, clock.instant())))
                .map(rollout -> new DramaWithRollout(drama, rollout));
    }

    public Uni<DramaWithRollout> withdraw(String studioId, String externalId) {
        // Withdrawing stays possible for a deactivated studio: pulling content must never be blocked.
        return sessions.withTransaction(session -> requireDrama(session, studioId, externalId).flatMap(drama -> {
            if (drama.status != DramaStatus.PUBLISHED) {
                throw ProblemException.conflict("Only a published drama can be withdrawn (it is " + drama.status + ")");
            }
            drama.withdraw(clock.instant());
            return dramas.rolloutOfForUpdate(session, drama.id)
                    .invoke(rollout -> rollout.forEach(region -> region.withdrawn = true))
                    .call(rollout -> outbox.append(session, DramaEvents.TOPIC, DramaEvents.AGGREGATE, drama.id.toString(),
                            DramaEvents.WITHDRAWN, DramaEvents.withdrawn(drama, clock.instant())))
                    .map(rollout -> new DramaWithRollout(drama, rollout));
        }));
    }

    /** A page of the studio's dramas with their rollout rows (two queries, whatever the page size). */
    public Uni<List<DramaWithRollout>> list(String studioId, DramaStatus status, RolloutState rolloutState, int offset,
            int limit) {
        return sessions.withSession(session -> dramas.listOfStudio(session, studioId, status, rolloutState, clock.instant(),
                offset, limit).flatMap(page -> dramas.rolloutOfAll(session, page.stream().map(d -> d.id).toList())
                .map(rows -> {
                    Map<UUID, List<RegionalRollout>> byDrama = rows.stream()
                            .collect(Collectors.groupingBy(r -> r.key.dramaId()));
                    return page.stream().map(d -> new DramaWithRollout(d, byDrama.getOrDefault(d.id, List.of()))).toList();
                })));
    }

    public Uni<DramaWithRollout> find(String studioId, String externalId) {
        return sessions.withSession(session -> requireDrama(session, studioId, externalId)
                .flatMap(drama -> dramas.rolloutOf(session, drama.id).map(rollout -> new DramaWithRollout(drama, rollout))));
    }

    /** One rollout row per licensed country; countries no longer licensed lose their row (NOT_LICENSED). */
    private Uni<List<RegionalRollout>> syncRollout(Mutiny.Session session, Drama drama, List<RegionalRollout> existing) {
        Map<String, Licence> licensed = drama.licences.stream()
                .collect(Collectors.toMap(Licence::region, Function.identity(), (first, second) -> first));
        Map<String, RegionalRollout> current = existing.stream()
                .collect(Collectors.toMap(rollout -> rollout.key.region(), Function.identity()));
        Set<String> dropped = current.keySet().stream().filter(region -> !licensed.containsKey(region)).collect(Collectors.toSet());
        List<RegionalRollout> result = licensed.values().stream().map(licence -> {
            RegionalRollout rollout = current.getOrDefault(licence.region(), RegionalRollout.of(drama.id, licence.region()));
            rollout.licensedFor(drama.dramaVersion, licence, ratingPolicy.requiresRating(licence.region()),
                    drama.ageRatingIn(licence.region()).map(AgeRating::label).orElse(null), drama.publishedAt);
            return rollout;
        }).toList();
        Uni<Void> removals = dropped.isEmpty() ? Uni.createFrom().voidItem()
                : session.removeAll(dropped.stream().map(current::get).toArray());
        return removals.chain(() -> session.persistAll(result.stream().filter(r -> !current.containsKey(r.key.region())).toArray()))
                .replaceWith(result);
    }

    /** Only a registered, active studio may change anything; reads stay open so a studio can see what it had. */
    private Uni<Studio> requireActiveStudio(Mutiny.Session session, String studioId) {
        return session.find(Studio.class, studioId).map(studio -> {
            if (studio == null || !studio.active) {
                throw ProblemException.forbidden("Studio '" + studioId + "' is not " + (studio == null
                        ? "registered with the platform; ask a platform admin to register it" : "active"));
            }
            return studio;
        });
    }

    private Uni<Drama> requireDrama(Mutiny.Session session, String studioId, String externalId) {
        return dramas.findByExternalId(session, studioId, externalId).map(drama -> {
            if (drama == null) {
                throw ProblemException.notFound("Drama '" + externalId + "'");
            }
            return drama;
        });
    }
}
