package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.offer.OfferCatalog;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.ReferenceSource;
import io.microdrama.billing.domain.reference.Storefront;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DramaPricePropertiesTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final DramaPriceCalculator CALCULATOR = new DramaPriceCalculator(
            OfferCatalog.load(ReferenceSource.classpath(), DATA.currency("USD")), new PriceEqualizer(DATA));
    private static final Storefront US = DATA.storefrontAt("US", LocalDate.of(2026, 1, 1));

    @Property
    void episodesSplitIntoFreeAndPaidAndTheDiscountNeverOverOrUndershoots(
            @ForAll @IntRange(max = 300) int episodes,
            @ForAll @IntRange(max = 30) int free,
            @ForAll @IntRange(min = 1, max = 200) int coinsPerEpisode,
            @ForAll @BigRange(min = "0", max = "99.9") @Scale(1) BigDecimal discount) {
        PricingTier tier = new PricingTier("t", free, coinsPerEpisode, Optional.of(discount));
        DramaPrice price = CALCULATOR.price(tier, episodes, US, LocalDate.of(2026, 1, 1));

        assertThat(price.freeEpisodes()).isEqualTo(Math.min(free, episodes));
        assertThat(price.freeEpisodes() + price.paidEpisodes()).isEqualTo(episodes);
        assertThat(price.undiscountedSeriesCoins()).isEqualTo((long) price.paidEpisodes() * coinsPerEpisode);
        // exact = undiscounted × (100 − d) / 100; the charged coins are exact rounded down: exact − 1 < coins ≤ exact.
        BigDecimal exact = BigDecimal.valueOf(price.undiscountedSeriesCoins())
                .multiply(BigDecimal.valueOf(100).subtract(discount)).divide(BigDecimal.valueOf(100));
        assertThat(BigDecimal.valueOf(price.seriesCoins())).isLessThanOrEqualTo(exact);
        assertThat(BigDecimal.valueOf(price.seriesCoins() + 1)).isGreaterThan(exact);
    }

    /**
     * An override keeps the same split and never charges the series above its episodes one by one: explicit series
     * coins are capped, and without them the tier's discount applies to the overridden episode price. Its episode
     * value is the same as a tier price with the same coins.
     */
    @Property
    void anOverrideSplitsEpisodesLikeATierAndNeverOverchargesTheSeries(
            @ForAll @IntRange(max = 300) int episodes,
            @ForAll @IntRange(max = 30) int free,
            @ForAll @IntRange(min = 1, max = 500) int coinsPerEpisode,
            @ForAll @IntRange(min = -1, max = 20_000) int seriesCoins,
            @ForAll @BigRange(min = "0", max = "99.9") @Scale(1) BigDecimal tierDiscount) {
        PricingTier tier = new PricingTier("t", 5, 60, Optional.of(tierDiscount));
        Optional<Long> explicit = seriesCoins < 0 ? Optional.empty() : Optional.of((long) seriesCoins);
        PriceOverride override = new PriceOverride(coinsPerEpisode, free, explicit);
        LocalDate day = LocalDate.of(2026, 1, 1);

        DramaPrice price = CALCULATOR.price(tier, override, episodes, US, day);

        assertThat(price.freeEpisodes()).isEqualTo(Math.min(free, episodes));
        assertThat(price.paidEpisodes()).isEqualTo(episodes - price.freeEpisodes());
        assertThat(price.undiscountedSeriesCoins()).isEqualTo((long) price.paidEpisodes() * coinsPerEpisode);
        assertThat(price.seriesCoins()).isBetween(0L, price.undiscountedSeriesCoins());
        if (explicit.isPresent()) {
            assertThat(price.seriesCoins()).isEqualTo(Math.min(explicit.get(), price.undiscountedSeriesCoins()));
        } else {
            PricingTier sameTerms = new PricingTier("t", free, coinsPerEpisode, Optional.of(tierDiscount));
            assertThat(price.seriesCoins()).isEqualTo(CALCULATOR.price(sameTerms, episodes, US, day).seriesCoins());
        }
        assertThat(price.episodePrice()).isEqualTo(CALCULATOR.episodePrice(coinsPerEpisode, US, day));
        assertThat(price.tier()).isEqualTo("t");
    }
}
