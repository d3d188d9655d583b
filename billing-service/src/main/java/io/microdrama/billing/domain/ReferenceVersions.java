package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;

import java.util.List;
import java.util.stream.Stream;

/** Dated versions of reference data added on top of the shipped files (what admins stored in the database). */
public record ReferenceVersions(List<Storefront> storefronts, List<FxRate> fxRates,
                                List<PurchasingPowerFactor> purchasingPowerFactors, List<PricingTierVersion> tiers) {

    public static final ReferenceVersions NONE = new ReferenceVersions(List.of(), List.of(), List.of(), List.of());

    public ReferenceVersions {
        storefronts = List.copyOf(storefronts);
        fxRates = List.copyOf(fxRates);
        purchasingPowerFactors = List.copyOf(purchasingPowerFactors);
        tiers = List.copyOf(tiers);
    }

    public static ReferenceVersions ofStorefront(Storefront storefront) {
        return new ReferenceVersions(List.of(storefront), List.of(), List.of(), List.of());
    }

    public static ReferenceVersions ofFxRates(List<FxRate> rates) {
        return new ReferenceVersions(List.of(), rates, List.of(), List.of());
    }

    public static ReferenceVersions ofPurchasingPowerFactor(PurchasingPowerFactor factor) {
        return new ReferenceVersions(List.of(), List.of(), List.of(factor), List.of());
    }

    public static ReferenceVersions ofTier(PricingTierVersion tier) {
        return new ReferenceVersions(List.of(), List.of(), List.of(), List.of(tier));
    }

    public ReferenceVersions plus(ReferenceVersions other) {
        return new ReferenceVersions(concat(storefronts, other.storefronts), concat(fxRates, other.fxRates),
                concat(purchasingPowerFactors, other.purchasingPowerFactors), concat(tiers, other.tiers));
    }

    public int size() {
        return storefronts.size() + fxRates.size() + purchasingPowerFactors.size() + tiers.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
