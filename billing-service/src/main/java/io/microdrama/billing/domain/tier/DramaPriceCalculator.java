package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.offer.OfferCatalog;
import io.microdrama.billing.domain.offer.PricedCoinPack;
import io.microdrama.billing.domain.pricing.LocalPrice;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Prices a drama of N episodes with a tier in a storefront:
 *
 * <pre>
 *   free            = min(tier.free, N)
 *   paid            = N − free
 *   seriesCoins     = floor(paid × coinsPerEpisode × (100 − discount%) / 100)
 *   episode display = round_half_up(coinsPerEpisode × entryPack.display / entryPack.totalCoins)   (minor units)
 * </pre>
 *
 * The series price is rounded DOWN: a discount never charges a fraction of a coin more. The episode price values
 * the coins at the storefront's cheapest coin pack (the worst per-coin rate a buyer can get, so "from" prices are
 * never understated). It is informational ("≈ €0.59 per episode"), so it is rounded to minor units, not to a
 * price point; its net is derived from it like any displayed price.
 */
public final class DramaPriceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OfferCatalog offers;
    private final PriceEqualizer equalizer;

    public DramaPriceCalculator(OfferCatalog offers, PriceEqualizer equalizer) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.equalizer = Objects.requireNonNull(equalizer, "equalizer");
    }

    public DramaPrice price(PricingTier tier, int episodes, Storefront storefront) {
        if (episodes < 0) {
            throw new IllegalArgumentException("episode count must not be negative: " + episodes);
        }
        int free = Math.min(tier.freeEpisodes(), episodes);
        int paid = episodes - free;
        long undiscounted = Math.multiplyExact(paid, tier.coinsPerEpisode());
        BigDecimal discount = tier.seriesDiscountPercent().orElse(BigDecimal.ZERO);
        long seriesCoins = BigDecimal.valueOf(undiscounted)
                .multiply(HUNDRED.subtract(discount))
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .longValueExact();
        return new DramaPrice(tier.name(), episodes, free, paid, tier.coinsPerEpisode(), undiscounted, discount,
                seriesCoins, storefront, episodePrice(tier.coinsPerEpisode(), storefront));
    }

    /** The local value of {@code coins} at the storefront's entry-pack rate, rounded half-up to minor units. */
    public LocalPrice episodePrice(long coins, Storefront storefront) {
        PricedCoinPack entry = offers.localize(offers.entryPack(), storefront, equalizer);
        Money packPrice = entry.price().display();
        BigDecimal value = packPrice.amount()
                .multiply(BigDecimal.valueOf(coins))
                .divide(BigDecimal.valueOf(entry.pack().totalCoins()), packPrice.currency().minorUnits(), RoundingMode.HALF_UP);
        return LocalPrice.fromDisplay(Money.of(value, packPrice.currency()), storefront);
    }
}
