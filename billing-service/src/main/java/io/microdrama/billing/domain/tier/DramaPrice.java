package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.pricing.LocalPrice;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;

/**
 * The price of one drama in one storefront (the payload of {@code billing.pricing.set}).
 *
 * @param undiscountedSeriesCoins paid episodes × coins per episode
 * @param seriesCoins             the whole series unlocked at once, after the tier's discount (rounded down)
 * @param episodePrice            informational local value of one episode's coins (see DramaPriceCalculator)
 */
public record DramaPrice(
        String tier,
        int episodes,
        int freeEpisodes,
        int paidEpisodes,
        long coinsPerEpisode,
        long undiscountedSeriesCoins,
        BigDecimal seriesDiscountPercent,
        long seriesCoins,
        Storefront storefront,
        LocalPrice episodePrice) {
}
