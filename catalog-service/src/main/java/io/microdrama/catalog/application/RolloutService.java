package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.CatalogException;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.contracts.events.AuditRecorded.Action;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
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
 * Regional ops use cases: the rollout board of a region, a drama across the caller's regions, and hold/release.
 * Which regions a caller may touch is decided by the API layer from the token; this class gets the answer.
 */
@ApplicationScoped
public class RolloutService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final Clock clock;
    private final StorefrontCache storefront;
    private final AuditTrail audit;

    public RolloutService(Mutiny.SessionFactory sessions, DramaRepository dramas, Clock clock, StorefrontCache storefront,
            AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.dramas = dramas;
        this.clock = clock;
        this.storefront = storefront;
    }

    public record BoardEntry(Drama drama, RegionalRollout rollout) {
    }

    public record DramaInRegions(Drama drama, List<RegionalRollout> rollout) {
    }

    public Uni<List<BoardEntry>> board(String region, RolloutState state, String blocker, int offset, int limit) {
        return sessions.withSession(session -> dramas.board(session, region, state, blocker, clock.instant(), offset, limit)
                .flatMap(rows -> dramas.findAll(session, rows.stream().map(r -> r.key.dramaId()).toList())
                        .map(found -> {
                            Map<UUID, Drama> byId = found.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
                            return rows.stream().map(r -> new BoardEntry(byId.get(r.key.dramaId()), r)).toList();
                        })));
    }

    /** The drama with its rollout in the given regions; a drama with no row there does not exist for the caller. */
    public Uni<DramaInRegions> dramaIn(UUID dramaId, Set<String> regions, boolean allRegions) {
        return sessions.withSession(session -> dramas.find(session, dramaId).flatMap(drama -> {
            if (drama == null) {
                throw CatalogException.notFound("Drama " + dramaId);
            }
            return dramas.rolloutOf(session, dramaId).map(rows -> {
                List<RegionalRollout> visible = rows.stream()
                        .filter(r -> allRegions || regions.contains(r.key.region())).toList();
                if (visible.isEmpty()) {
                    throw CatalogException.notFound("Drama " + dramaId);
                }
                return new DramaInRegions(drama, visible);
            });
        }));
    }

    /**
     * Holds a drama in one region (idempotent for the same reason); a withdrawn drama cannot be held. A hold that
     * changes something is recorded in the audit trail in the same transaction.
     */
    public Uni<RegionalRollout> hold(UUID dramaId, String region, String reason, Actor actor) {
        return sessions.withTransaction(session -> requireRollout(session, dramaId, region)
                .call(rollout -> {
                    Map<String, Object> before = CatalogAudit.hold(rollout);
                    if (!rollout.hold(reason, actor.name(), clock.instant())) {
                        return Uni.createFrom().voidItem();
                    }
                    return dramas.updateRollouts(session, List.of(rollout))
                            .chain(() -> recordHold(session, rollout, Action.HOLD_PLACED, reason, before, actor));
                }))
                // This replica answers the caller after its own cache forgot the region (others hear the NOTIFY).
                .invoke(() -> storefront.invalidateRegion(region));
    }

    /** Releases a hold; the release's reason (optional) is kept in the audit trail with the hold it ended. */
    public Uni<RegionalRollout> release(UUID dramaId, String region, String reason, Actor actor) {
        return sessions.withTransaction(session -> requireRollout(session, dramaId, region)
                .call(rollout -> {
                    Map<String, Object> before = CatalogAudit.hold(rollout);
                    if (!rollout.release()) {
                        return Uni.createFrom().voidItem();
                    }
                    // Held before it ever went LIVE: going LIVE is now, at the release.
                    rollout.recordProgress(clock.instant());
                    return dramas.updateRollouts(session, List.of(rollout))
                            .chain(() -> recordHold(session, rollout, Action.HOLD_RELEASED, reason, before, actor));
                }))
                .invoke(() -> storefront.invalidateRegion(region));
    }

    private Uni<Void> recordHold(Mutiny.Session session, RegionalRollout rollout, Action action, String reason,
            Map<String, Object> before, Actor actor) {
        return dramas.find(session, rollout.key.dramaId()).chain(drama -> audit.record(session, actor, action,
                CatalogAudit.rollout(drama, rollout.key.region()), reason,
                AuditChanges.of(before, CatalogAudit.hold(rollout))));
    }

    private Uni<RegionalRollout> requireRollout(Mutiny.Session session, UUID dramaId, String region) {
        return dramas.rolloutForUpdate(session, new RegionalRollout.Key(dramaId, region)).map(rollout -> {
            if (rollout == null) {
                throw CatalogException.notFound("Drama " + dramaId + " in region " + region);
            }
            return rollout;
        });
    }
}
