package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a proposed reference-data change does, compared on the day it takes effect: the pricing as stored
 * ({@code before}) against the pricing with the change ({@code after}). Prices themselves come from
 * {@link PriceInForce}, the rule the re-pricing sweep applies; this class only decides which regions need a look
 * and whether two computed prices differ in what is announced.
 */
public final class ReferenceImpact {

    private ReferenceImpact() {
    }

    /** Whether any tier in force on {@code date} differs: every region with active prices may then change. */
    public static boolean tiersDiffer(Pricing before, Pricing after, LocalDate date) {
        return !before.tiers().allAt(date).equals(after.tiers().allAt(date));
    }

    /**
     * Whether what a price in {@code country} is computed from on {@code date} differs: its storefront (tax,
     * currency, ladder, display), the FX rate of that storefront's currency, or its purchasing-power factor.
     */
    public static boolean regionInputsDiffer(Pricing before, Pricing after, String country, LocalDate date) {
        Optional<Storefront> old = storefront(before.referenceData(), country, date);
        Optional<Storefront> changed = storefront(after.referenceData(), country, date);
        if (!Objects.equals(old, changed)) {
            return true;
        }
        if (changed.isEmpty()) {
            return false;
        }
        String currency = changed.get().currency().code();
        String region = changed.get().region();
        return !before.referenceData().fxRate(currency, date).equals(after.referenceData().fxRate(currency, date))
                || !before.referenceData().findPurchasingPowerFactor(region, date)
                        .equals(after.referenceData().findPurchasingPowerFactor(region, date));
    }

    /**
     * Whether {@code after} announces something else than {@code before}: the fields of {@code billing.pricing.set}
     * (tier, coins, free episodes, series coins, the episode's local price and whether it includes tax). A price
     * that cannot be computed after the change is left as it is by the sweep, so it does not change.
     */
    public static boolean changes(Optional<DramaPrice> before, Optional<DramaPrice> after) {
        if (after.isEmpty()) {
            return false;
        }
        if (before.isEmpty()) {
            return true;
        }
        DramaPrice a = before.get();
        DramaPrice b = after.get();
        return !a.tier().equals(b.tier()) || a.coinsPerEpisode() != b.coinsPerEpisode()
                || a.freeEpisodes() != b.freeEpisodes() || a.seriesCoins() != b.seriesCoins()
                || !a.episodePrice().display().equals(b.episodePrice().display())
                || a.episodePrice().taxInclusive() != b.episodePrice().taxInclusive();
    }

    private static Optional<Storefront> storefront(ReferenceData data, String country, LocalDate date) {
        try {
            return Optional.of(data.storefrontFor(country, date));
        } catch (UnknownStorefrontException e) {
            return Optional.empty();
        }
    }
}
