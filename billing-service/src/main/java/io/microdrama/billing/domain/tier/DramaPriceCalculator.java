package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.offer.OfferCatalog;
import io.microdrama.billing.domain.offer.PricedCoinPack;
import io.microdrama.billing.domain.pricing.LocalPrice;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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

    /** The tier's price of a drama of {@code episodes} episodes in {@code storefront}, valued on {@code date}. */
    public DramaPrice price(PricingTier tier, int episodes, Storefront storefront, LocalDate date) {
        requireEpisodes(episodes);
        int free = Math.min(tier.freeEpisodes(), episodes);
        int paid = episodes - free;
        long undiscounted = Math.multiplyExact(paid, tier.coinsPerEpisode());
        BigDecimal discount = tier.seriesDiscountPercent().orElse(BigDecimal.ZERO);
        return new DramaPrice(tier.name(), episodes, free, paid, tier.coinsPerEpisode(), undiscounted, discount,
                discounted(undiscounted, discount), storefront, episodePrice(tier.coinsPerEpisode(), storefront, date));
    }

    /**
     * The price when ops override the tier: their coins per episode and free episodes; their series coins, capped at
     * the undiscounted price (a re-published drama may have fewer episodes than when the override was set), or
     * else the tier's discount applied to their episode price. The episode's local value uses the same entry-pack
     * rate as tier prices.
     */
    public DramaPrice price(PricingTier tier, PriceOverride override, int episodes, Storefront storefront, LocalDate date) {
        requireEpisodes(episodes);
        int free = Math.min(override.freeEpisodes(), episodes);
        int paid = episodes - free;
        long undiscounted = override.undiscountedSeriesCoins(episodes);
        BigDecimal tierDiscount = tier.seriesDiscountPercent().orElse(BigDecimal.ZERO);
        long seriesCoins = override.seriesCoins().map(coins -> Math.min(coins, undiscounted))
                .orElseGet(() -> discounted(undiscounted, tierDiscount));
        BigDecimal discount = override.seriesCoins().isEmpty() ? tierDiscount : impliedDiscount(undiscounted, seriesCoins);
        return new DramaPrice(tier.name(), episodes, free, paid, override.coinsPerEpisode(), undiscounted, discount,
                seriesCoins, storefront, episodePrice(override.coinsPerEpisode(), storefront, date));
    }

    /** The local value of {@code coins} at the storefront's entry-pack rate on {@code date}, rounded half-up. */
    public LocalPrice episodePrice(long coins, Storefront storefront, LocalDate date) {
        PricedCoinPack entry = offers.localize(offers.entryPack(), storefront, equalizer, date);
        Money packPrice = entry.price().display();
        BigDecimal value = packPrice.amount()
                .multiply(BigDecimal.valueOf(coins))
                .divide(BigDecimal.valueOf(entry.pack().totalCoins()), packPrice.currency().minorUnits(), RoundingMode.HALF_UP);
        return LocalPrice.fromDisplay(Money.of(value, packPrice.currency()), storefront);
    }

    private static long discounted(long undiscounted, BigDecimal discountPercent) {
        return BigDecimal.valueOf(undiscounted)
                .multiply(HUNDRED.subtract(discountPercent))
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** The percent an explicit series price takes off (informational, two decimals). */
    private static BigDecimal impliedDiscount(long undiscounted, long seriesCoins) {
        if (undiscounted == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(undiscounted - seriesCoins).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(undiscounted), 2, RoundingMode.HALF_UP);
    }

    private static void requireEpisodes(int episodes) {
        if (episodes < 0) {
            throw new IllegalArgumentException("episode count must not be negative: " + episodes);
        }
    }
}
