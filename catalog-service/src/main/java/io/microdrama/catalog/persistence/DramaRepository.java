package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DramaRepository {

    public Uni<Drama> findByExternalId(Mutiny.Session session, String studioId, String externalId) {
        return session.createSelectionQuery("from Drama where studioId = :studio and externalId = :external", Drama.class)
                .setParameter("studio", studioId)
                .setParameter("external", externalId)
                .getSingleResultOrNull();
    }

    public Uni<List<RegionalRollout>> rolloutOf(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionalRollout where key.dramaId = :drama order by key.region",
                        RegionalRollout.class)
                .setParameter("drama", dramaId)
                .getResultList();
    }

    /**
     * The rollout rows of a drama, locked until the transaction ends. Every writer of these rows (publish,
     * withdraw, the readiness and pricing handlers) locks first: they change different columns of the same row
     * concurrently, and an unlocked read-modify-write would write back another writer's stale columns.
     */
    public Uni<List<RegionalRollout>> rolloutOfForUpdate(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionalRollout where key.dramaId = :drama order by key.region",
                        RegionalRollout.class)
                .setParameter("drama", dramaId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** One rollout row, locked until the transaction ends (see {@link #rolloutOfForUpdate}); null if not licensed. */
    public Uni<RegionalRollout> rolloutForUpdate(Mutiny.Session session, RegionalRollout.Key key) {
        return session.find(RegionalRollout.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A studio's dramas, newest change first; optionally only a status, or only those with a region in a state. */
    public Uni<List<Drama>> listOfStudio(Mutiny.Session session, String studioId, DramaStatus status,
            RolloutState rolloutState, Instant now, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select d.* from drama d where d.studio_id = :studio");
        if (status != null) {
            sql.append(" and d.status = :status");
        }
        if (rolloutState != null) {
            sql.append(" and exists (select 1 from regional_rollout r where r.drama_id = d.id and ")
                    .append(RolloutStateSql.state(rolloutState)).append(")");
        }
        sql.append(" order by d.updated_at desc, d.id");
        Mutiny.SelectionQuery<Drama> query = session.createNativeQuery(sql.toString(), Drama.class)
                .setParameter("studio", studioId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (rolloutState != null) {
            query.setParameter("now", now);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Rollout rows of many dramas at once (for list pages), grouped by the caller. */
    public Uni<List<RegionalRollout>> rolloutOfAll(Mutiny.Session session, Collection<UUID> dramaIds) {
        if (dramaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from RegionalRollout where key.dramaId in :ids order by key.region",
                        RegionalRollout.class)
                .setParameter("ids", dramaIds)
                .getResultList();
    }

    public Uni<List<Drama>> findAll(Mutiny.Session session, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Drama where id in :ids", Drama.class).setParameter("ids", ids).getResultList();
    }

    /** One region's rollout board: optionally one state or one blocker (see {@link RolloutStateSql}), newest first. */
    public Uni<List<RegionalRollout>> board(Mutiny.Session session, String region, RolloutState state, String blocker,
            Instant now, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select r.* from regional_rollout r where r.region = :region");
        if (state != null) {
            sql.append(" and ").append(RolloutStateSql.state(state));
        }
        if (blocker != null) {
            sql.append(" and ").append(RolloutStateSql.blocker(blocker));
        }
        sql.append(" order by r.listed_at desc, r.drama_id");
        Mutiny.SelectionQuery<RegionalRollout> query = session.createNativeQuery(sql.toString(), RegionalRollout.class)
                .setParameter("region", region);
        if (state != null || blocker != null) {
            query.setParameter("now", now);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public Uni<Drama> find(Mutiny.Session session, UUID id) {
        return session.find(Drama.class, id);
    }
}
