package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.Recorded;
import io.microdrama.billing.domain.ReferenceVersions;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference-data versions admins added, kept in four insert-only tables. Rows are never updated or deleted,
 * so their total count is a revision number: replicas compare it to notice another replica's change.
 */
@ApplicationScoped
public class ReferenceVersionStore {

    /** Every stored version, who recorded each (by {@link #key} of the version) and the revision they make up. */
    public record Stored(ReferenceVersions versions, Map<String, Recorded> recorded, long revision) {
    }

    /**
     * HQL, not SQL: Hibernate Reactive stores a new plan for every execution of a native query that returns rows, and
     * pricing reads the revision for every drama it prices (see service-support's QueryPlans).
     */
    private static final String REVISION = "select (select count(*) from StorefrontVersionRow) + (select count(*) from FxRateVersionRow)"
            + " + (select count(*) from PppFactorVersionRow) + (select count(*) from TierVersionRow)";

    /** Serializes admin changes across replicas: each one checks the data as left by the previous one. */
    private static final String CHANGE_LOCK = "select pg_advisory_xact_lock(hashtext('billing-reference-data'))";

    public Uni<Long> revision(Mutiny.Session session) {
        return session.createSelectionQuery(REVISION, Long.class).getSingleResult();
    }

    public Uni<Void> lockForChange(Mutiny.Session session) {
        // Run for its effect, as a statement whose rows are not read: such a native query's plan is cached once.
        return session.createNativeQuery(CHANGE_LOCK).executeUpdate().replaceWithVoid();
    }

    public Uni<Stored> loadAll(Mutiny.Session session) {
        Map<String, Recorded> recorded = new HashMap<>();
        List<Storefront> storefronts = new ArrayList<>();
        List<FxRate> rates = new ArrayList<>();
        List<PurchasingPowerFactor> factors = new ArrayList<>();
        List<PricingTierVersion> tiers = new ArrayList<>();
        return session.createSelectionQuery("from StorefrontVersionRow", StorefrontVersionRow.class).getResultList()
                .invoke(rows -> rows.forEach(row -> {
                    Storefront storefront = row.toDomain();
                    storefronts.add(storefront);
                    recorded.put(key(storefront), new Recorded(row.recordedBy, row.recordedAt));
                }))
                .chain(() -> session.createSelectionQuery("from FxRateVersionRow", FxRateVersionRow.class).getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    FxRate rate = row.toDomain();
                    rates.add(rate);
                    recorded.put(key(rate), new Recorded(row.recordedBy, row.recordedAt));
                }))
                .chain(() -> session.createSelectionQuery("from PppFactorVersionRow", PppFactorVersionRow.class).getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    PurchasingPowerFactor factor = row.toDomain();
                    factors.add(factor);
                    recorded.put(key(factor), new Recorded(row.recordedBy, row.recordedAt));
                }))
                .chain(() -> session.createSelectionQuery("from TierVersionRow", TierVersionRow.class).getResultList())
                .map(rows -> {
                    rows.forEach(row -> {
                        PricingTierVersion tier = row.toDomain();
                        tiers.add(tier);
                        recorded.put(key(tier), new Recorded(row.recordedBy, row.recordedAt));
                    });
                    ReferenceVersions versions = new ReferenceVersions(storefronts, rates, factors, tiers);
                    return new Stored(versions, Map.copyOf(recorded), versions.size());
                });
    }

    public Uni<Void> insert(Mutiny.Session session, ReferenceVersions versions, Recorded recorded) {
        List<Object> rows = new ArrayList<>();
        versions.storefronts().forEach(v -> rows.add(StorefrontVersionRow.of(v, recorded.by(), recorded.at())));
        versions.fxRates().forEach(v -> rows.add(FxRateVersionRow.of(v, recorded.by(), recorded.at())));
        versions.purchasingPowerFactors().forEach(v -> rows.add(PppFactorVersionRow.of(v, recorded.by(), recorded.at())));
        versions.tiers().forEach(v -> rows.add(TierVersionRow.of(v, recorded.by(), recorded.at())));
        return session.persistAll(rows.toArray()).chain(session::flush);
    }

    public static String key(Storefront storefront) {
        return "storefront:" + storefront.region() + ":" + storefront.effectiveFrom();
    }

    public static String key(FxRate rate) {
        return "fx:" + rate.currency() + ":" + rate.asOf();
    }

    public static String key(PurchasingPowerFactor factor) {
        return "ppp:" + factor.region() + ":" + factor.effectiveFrom();
    }

    public static String key(PricingTierVersion tier) {
        return "tier:" + tier.name() + ":" + tier.effectiveFrom();
    }
}
