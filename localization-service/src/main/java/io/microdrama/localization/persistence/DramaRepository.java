package io.microdrama.localization.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Dramas and their plans. Every writer of a drama's plans or tracks (the catalog event handler, uploads, policy
 * changes) locks the drama row first, so readiness is always computed from the tracks and plans other writers
 * committed: two uploads completing a region at the same time cannot both miss each other's track.
 */
@ApplicationScoped
public class DramaRepository {

    public Uni<LocalizedDrama> find(Mutiny.Session session, UUID id) {
        return session.find(LocalizedDrama.class, id);
    }

    public Uni<LocalizedDrama> findForUpdate(Mutiny.Session session, UUID id) {
        return session.find(LocalizedDrama.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<LocalizedDrama> findByExternalId(Mutiny.Session session, String studioId, String externalId, boolean forUpdate) {
        return session.createSelectionQuery("from LocalizedDrama where studioId = :studio and externalId = :external",
                        LocalizedDrama.class)
                .setParameter("studio", studioId)
                .setParameter("external", externalId)
                .setLockMode(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getSingleResultOrNull();
    }

    /** The dramas with an open plan in one of the countries, locked in id order (one order for every locker). */
    public Uni<List<LocalizedDrama>> withOpenPlansInForUpdate(Mutiny.Session session, Collection<String> countries) {
        return session.createSelectionQuery("""
                        from LocalizedDrama d where d.id in (
                            select p.key.dramaId from RegionPlan p where not p.closed and p.key.region in :countries)
                        order by d.id""", LocalizedDrama.class)
                .setParameter("countries", countries)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Uni<RegionPlan> plan(Mutiny.Session session, UUID dramaId, String region) {
        return session.find(RegionPlan.class, new RegionPlan.Key(dramaId, region));
    }

    public Uni<List<RegionPlan>> plansOf(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from RegionPlan where key.dramaId = :drama order by key.region", RegionPlan.class)
                .setParameter("drama", dramaId)
                .getResultList();
    }

    public Uni<List<RegionPlan>> plansOf(Mutiny.Session session, Collection<UUID> dramaIds) {
        return session.createSelectionQuery("from RegionPlan where key.dramaId in :dramas order by key.dramaId, key.region",
                        RegionPlan.class)
                .setParameter("dramas", dramaIds)
                .getResultList();
    }
}
