package io.microdrama.billing.api;

import io.microdrama.billing.application.PriceOverrides.PricingState;
import io.microdrama.billing.application.StoredOverride;
import io.microdrama.billing.application.StoredPrice;
import io.microdrama.billing.domain.tier.DramaPrice;

import java.time.Instant;

/**
 * The price of a drama in one region as ops see it: what is announced (and whether it is still active), the
 * override behind it if any, and the tier price a DELETE of the override would return to (computed today).
 */
public record PricingView(
        String dramaId,
        String region,
        long dramaVersion,
        boolean active,
        boolean withdrawn,
        String source,
        String pricingTier,
        int coinsPerEpisode,
        int freeEpisodes,
        int seriesCoins,
        MoneyView episodePrice,
        boolean taxInclusive,
        Instant updatedAt,
        OverrideView override,
        TierPriceView tierPrice) {

    public record OverrideView(int coinsPerEpisode, int freeEpisodes, Integer seriesCoins, String reason, String setBy,
            Instant setAt) {
    }

    public record TierPriceView(String tier, int coinsPerEpisode, int freeEpisodes, long seriesCoins, MoneyView episodePrice) {
    }

    static PricingView of(PricingState state) {
        StoredPrice price = state.price();
        return new PricingView(price.dramaId().toString(), price.region(), price.dramaVersion(), price.active(),
                state.withdrawn(), price.source(), price.pricingTier(), price.coinsPerEpisode(), price.freeEpisodes(),
                price.seriesCoins(), MoneyView.of(price.amountMinor(), price.currency(), price.minorUnits()),
                price.taxInclusive(), price.updatedAt(),
                state.override().map(PricingView::override).orElse(null),
                state.tierPrice().map(PricingView::tierPrice).orElse(null));
    }

    private static OverrideView override(StoredOverride override) {
        return new OverrideView(override.coinsPerEpisode(), override.freeEpisodes(), override.seriesCoins(),
                override.reason(), override.setBy(), override.setAt());
    }

    private static TierPriceView tierPrice(DramaPrice price) {
        return new TierPriceView(price.tier(), Math.toIntExact(price.coinsPerEpisode()), price.freeEpisodes(),
                price.seriesCoins(), MoneyView.of(price.episodePrice().display()));
    }
}
