package io.microdrama.billing.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every query on priced dramas, their prices per region, the ops overrides and the price history. */
@ApplicationScoped
public class PriceRepository {

    /** The drama, locked until the transaction ends: every writer of its prices goes through here first. */
    public Uni<PricedDramaRow> lockDrama(Mutiny.Session session, UUID dramaId) {
        return session.find(PricedDramaRow.class, dramaId, LockMode.PESSIMISTIC_WRITE);
    }

    public Uni<PricedDramaRow> findDrama(Mutiny.Session session, UUID dramaId) {
        return session.find(PricedDramaRow.class, dramaId);
    }

    /** The drama's price rows (active or not) by region. */
    public Uni<Map<String, DramaPriceRow>> prices(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from DramaPriceRow where key.dramaId = :drama", DramaPriceRow.class)
                .setParameter("drama", dramaId).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key.region(), Function.identity())));
    }

    /** The drama's price rows (active or not) in region order. */
    public Uni<List<DramaPriceRow>> pricesByRegion(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from DramaPriceRow where key.dramaId = :drama order by key.region",
                        DramaPriceRow.class)
                .setParameter("drama", dramaId).getResultList();
    }

    public Uni<DramaPriceRow> price(Mutiny.Session session, UUID dramaId, String region) {
        return session.find(DramaPriceRow.class, new DramaPriceRow.Key(dramaId, region));
    }

    public Uni<Map<String, PriceOverrideRow>> overrides(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from PriceOverrideRow where key.dramaId = :drama", PriceOverrideRow.class)
                .setParameter("drama", dramaId).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key.region(), Function.identity())));
    }

    public Uni<PriceOverrideRow> override(Mutiny.Session session, UUID dramaId, String region) {
        return session.find(PriceOverrideRow.class, new DramaPriceRow.Key(dramaId, region));
    }

    /** Stores new rows in order (a reactive session runs one statement at a time). */
    public Uni<Void> add(Mutiny.Session session, List<?> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(rows.toArray());
    }

    public Uni<Void> add(Mutiny.Session session, Object row) {
        return session.persist(row);
    }

    public Uni<Void> remove(Mutiny.Session session, PriceOverrideRow override) {
        return session.remove(override);
    }

    /** One page of a (drama, region)'s history, newest first. */
    public Uni<List<PricingAuditRow>> history(Mutiny.Session session, UUID dramaId, String region, int page, int size) {
        return session.createSelectionQuery("from PricingAuditRow where dramaId = :drama and region = :region "
                        + "order by recordedAt desc, id desc", PricingAuditRow.class)
                .setParameter("drama", dramaId).setParameter("region", region)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList();
    }

    public Uni<Long> historySize(Mutiny.Session session, UUID dramaId, String region) {
        return session.createSelectionQuery("select count(*) from PricingAuditRow where dramaId = :drama and region = :region",
                        Long.class)
                .setParameter("drama", dramaId).setParameter("region", region)
                .getSingleResult();
    }
}
