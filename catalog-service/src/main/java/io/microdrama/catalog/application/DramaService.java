package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.AgeRatingPolicy;
import io.microdrama.catalog.domain.CatalogException;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.DramaContent;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.PublicationLanes;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.catalog.domain.Studio;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.catalog.persistence.StudioRepository;
import io.microdrama.contracts.events.AuditRecorded.Action;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditTrail;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    private final StudioRepository studios;
    private final Outbox outbox;
    private final Clock clock;
    private final AgeRatingPolicy ratingPolicy;

    private final StorefrontCache storefront;
    private final AuditTrail audit;
    private final PublicationLanes lanes;

    public DramaService(Mutiny.SessionFactory sessions, DramaRepository dramas, StudioRepository studios, Outbox outbox,
            Clock clock, AgeRatingPolicy ratingPolicy, StorefrontCache storefront, AuditTrail audit, PublicationLanes lanes) {
        this.storefront = storefront;
        this.audit = audit;
        this.lanes = lanes;
        this.sessions = sessions;
        this.dramas = dramas;
        this.studios = studios;
        this.outbox = outbox;
        this.clock = clock;
        this.ratingPolicy = ratingPolicy;
    }

    // Drama changes are rare next to storefront reads: after one commits, this replica forgets its whole storefront
    // cache (the NOTIFY of the triggers tells every replica which regions changed).

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
            boolean republish, Actor actor) {
        return sessions.withTransaction(session -> requireActiveStudio(session, studioId)
                .chain(() -> dramas.findByExternalId(session, studioId, externalId))
                .flatMap(existing -> {
                    if (existing == null) {
                        if (expectedRevision != null) {
                            throw CatalogException.staleRevision("Drama '" + externalId
                                    + "' does not exist yet; create it without If-Match");
                        }
                        Drama drama = Drama.draft(studioId, externalId, dramas.fingerprint());
                        drama.applyContent(content, clock.instant());
                        return dramas.insert(session, drama)
                                .call(() -> audit.record(session, actor, Action.DRAMA_UPSERTED, CatalogAudit.drama(drama),
                                        null, AuditChanges.of(null, CatalogAudit.metadata(drama))))
                                .replaceWith(new UpsertResult(drama, true, true));
                    }
                    if (expectedRevision != null && expectedRevision != existing.revision) {
                        throw CatalogException.staleRevision("The drama changed since revision "
                                + expectedRevision + " (now " + existing.revision + "); read it again and retry");
                    }
                    if (existing.removesPublishedEpisodes(content) && !republish) {
                        throw CatalogException.conflict("Published version " + existing.dramaVersion + " has "
                                + existing.publishedEpisodes + " episodes and this content has " + content.episodes().size()
                                + ": removing published episodes needs a re-publish (PUT with ?republish=true) or a withdraw first");
                    }
                    Map<String, Object> before = CatalogAudit.metadata(existing);
                    boolean changed = existing.applyContent(content, clock.instant());
                    UpsertResult result = new UpsertResult(existing, false, changed);
                    if (!changed) {
                        return Uni.createFrom().item(result);
                    }
                    Uni<Void> recorded = audit.record(session, actor, Action.DRAMA_UPSERTED, CatalogAudit.drama(existing),
                            null, AuditChanges.of(before, CatalogAudit.metadata(existing)));
                    if (republish && existing.status == DramaStatus.PUBLISHED) {
                        return recorded.chain(() -> publishInSession(session, existing, actor)).replaceWith(result);
                    }
                    return recorded.chain(() -> dramas.update(session, existing)).replaceWith(result);
                }))
                .invoke(storefront::invalidateAll)
                // Two writers passed the revision check at once; the version column let only one commit.
                .onFailure(OptimisticLockException.class).transform(failure -> expectedRevision != null
                        ? CatalogException.staleRevision("The drama changed concurrently since revision "
                                + expectedRevision + "; read it again and retry")
                        : CatalogException.conflict("The drama was changed by a concurrent request; read it and retry"))
                .onFailure(DramaService::isUniqueViolation).transform(failure -> CatalogException.conflict("Drama '"
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

    public Uni<DramaWithRollout> publish(String studioId, String externalId, Actor actor) {
        return sessions.withTransaction(session -> requireActiveStudio(session, studioId)
                .chain(() -> requireDrama(session, studioId, externalId))
                .flatMap(drama -> publishInSession(session, drama, actor)))
                .invoke(storefront::invalidateAll);
    }

    /** Publishing content that is already published as it is (a retried request) is a no-op: no new version. */
    private Uni<DramaWithRollout> publishInSession(Mutiny.Session session, Drama drama, Actor actor) {
        if (drama.isPublishedAsIs()) {
            return dramas.rolloutOf(session, drama.id).map(rollout -> new DramaWithRollout(drama, rollout));
        }
        Map<String, Object> before = CatalogAudit.publication(drama);
        return chooseLane(session, drama).chain(() -> {
            drama.publish(clock.instant());
            return dramas.update(session, drama);
        })
                .chain(() -> dramas.rolloutOfForUpdate(session, drama.id))
                .flatMap(existing -> syncRollout(session, drama, existing))
                .call(rollout -> outbox.append(session, DramaEvents.topic(drama), DramaEvents.AGGREGATE, drama.id.toString(),
                        DramaEvents.PUBLISHED, DramaEvents.published(drama, clock.instant())))
                .call(() -> audit.record(session, actor, Action.DRAMA_PUBLISHED, CatalogAudit.drama(drama), null,
                        AuditChanges.of(before, CatalogAudit.publication(drama))))
                .map(rollout -> new DramaWithRollout(drama, rollout));
    }

    /** Sets the lane of the drama's first event (counted before this publication changes its own time); kept after. */
    private Uni<Void> chooseLane(Mutiny.Session session, Drama drama) {
        if (drama.eventLane != null) {
            return Uni.createFrom().voidItem();
        }
        return dramas.countPublishedSince(session, drama.studioId, lanes.windowStart(clock.instant()), lanes.burstThreshold())
                .invoke(count -> drama.eventLane = lanes.laneOf(drama.eventLane, count))
                .replaceWithVoid();
    }

    public Uni<DramaWithRollout> withdraw(String studioId, String externalId, Actor actor) {
        // Withdrawing stays possible for a deactivated studio: pulling content must never be blocked.
        return sessions.withTransaction(session -> requireDrama(session, studioId, externalId).flatMap(drama -> {
            Map<String, Object> before = CatalogAudit.publication(drama);
            drama.withdraw(clock.instant());
            return dramas.update(session, drama)
                    .chain(() -> dramas.rolloutOfForUpdate(session, drama.id))
                    .invoke(rollout -> rollout.forEach(region -> region.withdrawn = true))
                    .call(rollout -> dramas.updateRollouts(session, rollout))
                    .call(rollout -> outbox.append(session, DramaEvents.topic(drama), DramaEvents.AGGREGATE, drama.id.toString(),
                            DramaEvents.WITHDRAWN, DramaEvents.withdrawn(drama, clock.instant())))
                    .call(() -> audit.record(session, actor, Action.DRAMA_WITHDRAWN, CatalogAudit.drama(drama), null,
                            AuditChanges.of(before, CatalogAudit.publication(drama))))
                    .map(rollout -> new DramaWithRollout(drama, rollout));
        }))
                .invoke(storefront::invalidateAll);
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
        List<RegionalRollout> dropped = existing.stream().filter(r -> !licensed.containsKey(r.key.region())).toList();
        List<RegionalRollout> result = licensed.values().stream().map(licence -> {
            RegionalRollout rollout = current.getOrDefault(licence.region(), RegionalRollout.of(drama.id, licence.region()));
            rollout.licensedFor(drama.dramaVersion, licence, ratingPolicy.requiresRating(licence.region()),
                    drama.ageRatingIn(licence.region()).map(AgeRating::label).orElse(null), drama.publishedAt);
            return rollout;
        }).toList();
        List<RegionalRollout> added = result.stream().filter(r -> !current.containsKey(r.key.region())).toList();
        List<RegionalRollout> kept = result.stream().filter(r -> current.containsKey(r.key.region())).toList();
        return dramas.deleteRollouts(session, dropped)
                .chain(() -> dramas.updateRollouts(session, kept))
                .chain(() -> dramas.insertRollouts(session, added))
                .replaceWith(result);
    }

    private Uni<Studio> requireActiveStudio(Mutiny.Session session, String studioId) {
        return studios.find(session, studioId).invoke(studio -> Studio.requireActive(studio, studioId));
    }

    private Uni<Drama> requireDrama(Mutiny.Session session, String studioId, String externalId) {
        return dramas.findByExternalId(session, studioId, externalId).map(drama -> {
            if (drama == null) {
                throw CatalogException.notFound("Drama '" + externalId + "'");
            }
            return drama;
        });
    }
}
