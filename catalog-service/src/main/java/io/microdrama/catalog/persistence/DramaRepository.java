package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.ContentFingerprint;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.support.query.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Hibernate;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every query on {@code drama} and {@code regional_rollout}. Callers get and give plain domain objects; the entities
 * stay here. A save copies the domain object into the row this session loaded (no second read), so changes are
 * written at the end of the caller's transaction as before.
 */
@ApplicationScoped
public class DramaRepository {

    /** How the stored {@code published_fingerprint} is computed; new dramas need it. */
    public ContentFingerprint fingerprint() {
        return JsonColumns.FINGERPRINT;
    }

    public Uni<Drama> findByExternalId(Mutiny.Session session, String studioId, String externalId) {
        return session.createSelectionQuery("from Drama where studioId = :studio and externalId = :external", DramaEntity.class)
                .setParameter("studio", studioId)
                .setParameter("external", externalId)
                .getSingleResultOrNull()
                .map(DramaRepository::toDomain);
    }

    /**
     * How many of the studio's dramas were last published at or after {@code since}, counted up to {@code atMost}
     * (index drama_studio_published_at): the walk stops there, so a studio importing thousands a minute costs each
     * publication {@code atMost} index entries, not all of its recent ones.
     */
    public Uni<Long> countPublishedSince(Mutiny.Session session, String studioId, Instant since, int atMost) {
        return session.createSelectionQuery("select id from Drama where studioId = :studio and publishedAt >= :since",
                        UUID.class)
                .setParameter("studio", studioId)
                .setParameter("since", since)
                .setMaxResults(atMost)
                .getResultList()
                .map(ids -> (long) ids.size());
    }

    public Uni<Drama> find(Mutiny.Session session, UUID id) {
        return session.find(DramaEntity.class, id).map(DramaRepository::toDomain);
    }

    public Uni<List<Drama>> findAll(Mutiny.Session session, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Drama where id in :ids", DramaEntity.class).setParameter("ids", ids)
                .getResultList().map(DramaRepository::dramas);
    }

    /** A studio's dramas, newest change first; optionally only a status, or only those with a region in a state. */
    public Uni<List<Drama>> listOfStudio(Mutiny.Session session, String studioId, DramaStatus status,
            RolloutState rolloutState, Instant now, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select d.* from drama d where d.studio_id = :studio and " + QueryPlans.UNCACHED);
        if (status != null) {
            sql.append(" and d.status = :status");
        }
        if (rolloutState != null) {
            sql.append(" and exists (select 1 from regional_rollout r where r.drama_id = d.id and ")
                    .append(RolloutStateSql.state(rolloutState)).append(")");
        }
        sql.append(" order by d.updated_at desc, d.id");
        Mutiny.SelectionQuery<DramaEntity> query = QueryPlans.uncached(session.createNativeQuery(sql.toString(), DramaEntity.class))
                .setParameter("studio", studioId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (rolloutState != null) {
            query.setParameter("now", now);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().map(DramaRepository::dramas);
    }

    public Uni<Void> insert(Mutiny.Session session, Drama drama) {
        return session.persist(new DramaEntity().copy(drama));
    }

    /**
     * Writes a changed drama loaded in this session and flushes, so a concurrent change fails here (optimistic
     * lock on {@code revision}) and the caller sees the new revision.
     */
    public Uni<Void> update(Mutiny.Session session, Drama drama) {
        return session.find(DramaEntity.class, drama.id).chain(entity -> {
            entity.copy(drama);
            return session.flush().invoke(() -> drama.revision = entity.revision);
        });
    }

    public Uni<List<RegionalRollout>> rolloutOf(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionalRollout where key.dramaId = :drama order by key.region",
                        RegionalRolloutEntity.class)
                .setParameter("drama", dramaId)
                .getResultList()
                .map(DramaRepository::rollouts);
    }

    /**
     * The rollout rows of a drama, locked until the transaction ends. Every writer of these rows (publish,
     * withdraw, the readiness and pricing handlers) locks first: they change different columns of the same row
     * concurrently, and an unlocked read-modify-write would write back another writer's stale columns.
     */
    public Uni<List<RegionalRollout>> rolloutOfForUpdate(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionalRollout where key.dramaId = :drama order by key.region",
                        RegionalRolloutEntity.class)
                .setParameter("drama", dramaId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .map(DramaRepository::rollouts);
    }

    /**
     * Every rollout row of these dramas in one query, locked until the transaction ends, in (drama, region) order so
     * that two transactions locking overlapping sets wait for each other instead of deadlocking.
     */
    public Uni<List<RegionalRollout>> rolloutsOfForUpdate(Mutiny.Session session, Collection<UUID> dramaIds) {
        if (dramaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from RegionalRollout where key.dramaId in :dramas "
                        + "order by key.dramaId, key.region", RegionalRolloutEntity.class)
                .setParameter("dramas", dramaIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .map(DramaRepository::rollouts);
    }

    /** One rollout row, locked until the transaction ends (see {@link #rolloutOfForUpdate}); null if not licensed. */
    public Uni<RegionalRollout> rolloutForUpdate(Mutiny.Session session, RegionalRollout.Key key) {
        return session.find(RegionalRolloutEntity.class, RegionalRolloutEntity.Key.of(key), LockModeType.PESSIMISTIC_WRITE)
                .map(entity -> entity == null ? null : entity.toDomain());
    }

    /** Rollout rows of many dramas at once (for list pages), grouped by the caller. */
    public Uni<List<RegionalRollout>> rolloutOfAll(Mutiny.Session session, Collection<UUID> dramaIds) {
        if (dramaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from RegionalRollout where key.dramaId in :ids order by key.region",
                        RegionalRolloutEntity.class)
                .setParameter("ids", dramaIds)
                .getResultList()
                .map(DramaRepository::rollouts);
    }

    /** One region's rollout board: optionally one state or one blocker (see {@link RolloutStateSql}), newest first. */
    public Uni<List<RegionalRollout>> board(Mutiny.Session session, String region, RolloutState state, String blocker,
            Instant now, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select r.* from regional_rollout r where r.region = :region and " + QueryPlans.UNCACHED);
        if (state != null) {
            sql.append(" and ").append(RolloutStateSql.state(state));
        }
        if (blocker != null) {
            sql.append(" and ").append(RolloutStateSql.blocker(blocker));
        }
        sql.append(" order by r.listed_at desc, r.drama_id");
        Mutiny.SelectionQuery<RegionalRolloutEntity> query = QueryPlans.uncached(
                session.createNativeQuery(sql.toString(), RegionalRolloutEntity.class)).setParameter("region", region);
        // Only when a predicate uses the clock: WITHDRAWN alone does not, and binding a name the query lacks fails.
        if (sql.indexOf(":now") >= 0) {
            query.setParameter("now", now);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().map(DramaRepository::rollouts);
    }

    /** New rollout rows (countries licensed for the first time). */
    public Uni<Void> insertRollouts(Mutiny.Session session, List<RegionalRollout> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.persistAll(rows.stream().map(row -> new RegionalRolloutEntity().copy(row)).toArray());
    }

    /**
     * Changed rollout rows this session loaded (locked) before; written when the transaction ends. The entities come
     * from the session's persistence context, without a query: every caller locks its rows first (one query for many),
     * and the lookup costs nothing per row. Not a chain of {@code find}s: finds answered from the session complete at
     * once, so a chain of them nested one call per row, and a poll of a few hundred rows overflowed the event loop's
     * stack; the overflow was swallowed and the transaction never ended, leaving catalog's bulk answer channels stopped
     * with their rows locked ({@code LargeAnswerPollIT}). Not a multi-load either: Hibernate's does not look in the
     * session first, so it cost a query per call for rows the transaction already held.
     */
    public Uni<Void> updateRollouts(Mutiny.Session session, List<RegionalRollout> rows) {
        return Uni.createFrom().item(() -> loadedEntitiesOf(session, rows)).invoke(entities -> {
            for (int i = 0; i < rows.size(); i++) {
                entities.get(i).copy(rows.get(i));
            }
        }).replaceWithVoid();
    }

    /** Rows of countries no longer licensed (NOT_LICENSED has no row), loaded (locked) before, as {@link #updateRollouts}. */
    public Uni<Void> deleteRollouts(Mutiny.Session session, List<RegionalRollout> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> loadedEntitiesOf(session, rows))
                .chain(entities -> session.removeAll(entities.toArray()));
    }

    /**
     * The rows' managed entities, in the rows' order. {@code getReference} answers from the persistence context when
     * the entity is there; otherwise it makes an uninitialised reference, which here means a caller that did not lock
     * the row first: a bug, refused rather than written blind.
     */
    private static List<RegionalRolloutEntity> loadedEntitiesOf(Mutiny.Session session, List<RegionalRollout> rows) {
        List<RegionalRolloutEntity> entities = new ArrayList<>(rows.size());
        for (RegionalRollout row : rows) {
            RegionalRolloutEntity entity = session.getReference(RegionalRolloutEntity.class, RegionalRolloutEntity.Key.of(row.key));
            if (!Hibernate.isInitialized(entity)) {
                throw new IllegalStateException("rollout " + row.key + " was not loaded by this transaction");
            }
            entities.add(entity);
        }
        return entities;
    }

    private static Drama toDomain(DramaEntity entity) {
        return entity == null ? null : entity.toDomain();
    }

    private static List<Drama> dramas(List<DramaEntity> entities) {
        return entities.stream().map(DramaEntity::toDomain).toList();
    }

    private static List<RegionalRollout> rollouts(List<RegionalRolloutEntity> entities) {
        return entities.stream().map(RegionalRolloutEntity::toDomain).toList();
    }
}
