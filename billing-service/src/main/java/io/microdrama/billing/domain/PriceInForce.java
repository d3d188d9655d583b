package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.billing.domain.tier.PricingTier;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The price a drama has in a region on a date, under given reference data: its tier's price, or, where ops set an
 * override, the override on top of that tier (the override stays in force; only the local value of its coins
 * follows the market). Re-pricing and its preview ask this one question for every active price.
 */
public final class PriceInForce {

    private PriceInForce() {
    }

    /**
     * Empty when nothing can be computed on {@code date}: the tier is not in force then, or the region has no
     * storefront. Re-pricing leaves such a price as it is rather than guessing.
     */
    public static Optional<DramaPrice> on(Pricing pricing, String tierName, int episodes, String region,
            Optional<PriceOverride> override, LocalDate date) {
        if (tierName == null || episodes <= 0) {
            return Optional.empty();
        }
        Optional<PricingTier> tier = pricing.tiers().find(tierName, date);
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        Storefront storefront;
        try {
            storefront = pricing.referenceData().storefrontFor(region, date);
        } catch (UnknownStorefrontException e) {
            return Optional.empty();
        }
        return Optional.of(override
                .map(rule -> pricing.dramaPrices().price(tier.get(), rule, episodes, storefront, date))
                .orElseGet(() -> pricing.dramaPrices().price(tier.get(), episodes, storefront, date)));
    }
}
