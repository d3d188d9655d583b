package io.microdrama.billing.api;

import io.microdrama.billing.domain.PriceOverrides.PricingState;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;

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
        DramaPriceRow row = state.price();
        return new PricingView(row.key.dramaId().toString(), row.key.region(), row.dramaVersion, row.active,
                state.drama().withdrawn, row.source, row.pricingTier, row.coinsPerEpisode, row.freeEpisodes, row.seriesCoins,
                MoneyView.of(row.amountMinor, row.currency, row.minorUnits), row.taxInclusive, row.updatedAt,
                state.override().map(PricingView::override).orElse(null),
                state.tierPrice().map(PricingView::tierPrice).orElse(null));
    }

    private static OverrideView override(PriceOverrideRow row) {
        return new OverrideView(row.coinsPerEpisode, row.freeEpisodes, row.seriesCoins, row.reason, row.setBy, row.setAt);
    }

    private static TierPriceView tierPrice(DramaPrice price) {
        return new TierPriceView(price.tier(), Math.toIntExact(price.coinsPerEpisode()), price.freeEpisodes(),
                price.seriesCoins(), MoneyView.of(price.episodePrice().display()));
    }
}
