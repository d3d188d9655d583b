package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.RegionalRollout;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
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

    public record LiveEntry(Drama drama, RegionalRollout rollout) {
    }

    /** LIVE dramas of a region at {@code now}: the same conditions as {@link RegionalRollout#stateAt}. */
    public Uni<List<LiveEntry>> liveIn(Mutiny.Session session, String region, Instant now, int offset, int limit) {
        return session.createSelectionQuery("""
                        select d, r from RegionalRollout r join Drama d on d.id = r.key.dramaId
                        where r.key.region = :region and not r.withdrawn and not r.onHold
                          and r.validFrom <= :now and (r.validUntil is null or r.validUntil > :now)
                          and r.localizationReady and r.localizationVersion >= r.dramaVersion
                          and r.priceMinor is not null and r.pricingVersion >= r.dramaVersion
                        order by d.title, d.id""", Object[].class)
                .setParameter("region", region)
                .setParameter("now", now)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new LiveEntry((Drama) row[0], (RegionalRollout) row[1])).toList());
    }
}
