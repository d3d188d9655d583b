package io.microdrama.billing.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The queries of re-pricing: the sweep's state, the next dramas to check, and a region's active prices. All HQL, so
 * the sweep (a query per batch of dramas) reuses their plans (see {@code io.microdrama.support.query.QueryPlans}).
 */
@ApplicationScoped
public class RepricingRepository {

    /** The lowest UUID in PostgreSQL's order, where a sweep starts. */
    private static final UUID FIRST = new UUID(0, 0);

    /**
     * The sweep's state, locked until the transaction ends; empty while another replica holds it (that replica is
     * sweeping; this one does not wait).
     */
    public Uni<RepricingStateRow> lockState(Mutiny.Session session) {
        return session.createSelectionQuery("from RepricingStateRow where id = 1", RepricingStateRow.class)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<RepricingStateRow> state(Mutiny.Session session) {
        return session.find(RepricingStateRow.class, (short) 1);
    }

    /**
     * The next {@code limit} dramas after {@code cursor} (id order) that are not withdrawn, locked like every other
     * writer of their prices locks them, so a publication or an override never interleaves with re-pricing.
     */
    public Uni<List<PricedDramaRow>> lockDramasAfter(Mutiny.Session session, UUID cursor, int limit) {
        return session.createSelectionQuery("from PricedDramaRow where dramaId > :cursor and withdrawn = false "
                        + "order by dramaId", PricedDramaRow.class)
                .setParameter("cursor", cursor == null ? FIRST : cursor)
                .setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The active prices of these dramas, by drama. */
    public Uni<Map<UUID, List<DramaPriceRow>>> activePrices(Mutiny.Session session, List<UUID> dramaIds) {
        return session.createSelectionQuery("from DramaPriceRow where key.dramaId in :ids and active = true "
                        + "order by key.dramaId, key.region", DramaPriceRow.class)
                .setParameter("ids", dramaIds)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> row.key.dramaId())));
    }

    /** The overrides of these dramas, by (drama, region). */
    public Uni<Map<DramaPriceRow.Key, PriceOverrideRow>> overrides(Mutiny.Session session, List<UUID> dramaIds) {
        return session.createSelectionQuery("from PriceOverrideRow where key.dramaId in :ids", PriceOverrideRow.class)
                .setParameter("ids", dramaIds)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key, row -> row)));
    }

    /** A region's active prices with their drama, in drama id order. */
    public Uni<List<Object[]>> activeInRegion(Mutiny.Session session, String region) {
        return session.createSelectionQuery("select p, d from DramaPriceRow p, PricedDramaRow d "
                        + "where d.dramaId = p.key.dramaId and p.key.region = :region and p.active = true "
                        + "and d.withdrawn = false order by p.key.dramaId", Object[].class)
                .setParameter("region", region)
                .getResultList();
    }

    /** The overrides in a region, by drama. */
    public Uni<Map<UUID, PriceOverrideRow>> overridesIn(Mutiny.Session session, String region) {
        return session.createSelectionQuery("from PriceOverrideRow where key.region = :region", PriceOverrideRow.class)
                .setParameter("region", region)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key.dramaId(), row -> row)));
    }
}
