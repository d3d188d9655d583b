package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.offer.OfferCatalog;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.ReferenceSource;
import io.microdrama.billing.domain.reference.Storefront;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hand calculations with the shipped tiers: standard 5 free / 60 coins / 10 % series discount, premium 3 / 90 / 15 %,
 * promo 10 / 40 / none; and the entry coin pack (0.99 USD, 100 coins).
 */
class DramaPriceCalculatorTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final PricingTiers TIERS = PricingTiers.load(ReferenceSource.classpath());
    private static final DramaPriceCalculator CALCULATOR = new DramaPriceCalculator(
            OfferCatalog.load(ReferenceSource.classpath(), DATA.currency("USD")), new PriceEqualizer(DATA));
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void shipsTheThreeTiers() {
        assertThat(TIERS.get("standard", DAY)).isEqualTo(new PricingTier("standard", 5, 60, Optional.of(new BigDecimal("10"))));
        assertThat(TIERS.get("premium", DAY)).isEqualTo(new PricingTier("premium", 3, 90, Optional.of(new BigDecimal("15"))));
        assertThat(TIERS.get("promo", DAY)).isEqualTo(new PricingTier("promo", 10, 40, Optional.empty()));
        assertThatThrownBy(() -> TIERS.get("gold", DAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardEightyEpisodeDramaInTheUs() {
        // free 5, paid 75, 75 × 60 = 4500 coins, −10 % = 4050.
        // One episode: 60 coins × $0.99 / 100 coins = 0.594 → $0.59 (tax-exclusive: net = display).
        DramaPrice price = CALCULATOR.price(TIERS.get("standard", DAY), 80, storefront("US"), DAY);

        assertThat(price.freeEpisodes()).isEqualTo(5);
        assertThat(price.paidEpisodes()).isEqualTo(75);
        assertThat(price.coinsPerEpisode()).isEqualTo(60);
        assertThat(price.undiscountedSeriesCoins()).isEqualTo(4500);
        assertThat(price.seriesCoins()).isEqualTo(4050);
        assertThat(price.episodePrice().display()).hasToString("USD 0.59");
        assertThat(price.episodePrice().net()).hasToString("USD 0.59");
    }

    @Test
    void dramaShorterThanTheFreeEpisodesIsFree() {
        DramaPrice three = CALCULATOR.price(TIERS.get("standard", DAY), 3, storefront("US"), DAY);
        assertThat(three.freeEpisodes()).isEqualTo(3);
        assertThat(three.paidEpisodes()).isZero();
        assertThat(three.seriesCoins()).isZero();

        DramaPrice exactlyFive = CALCULATOR.price(TIERS.get("standard", DAY), 5, storefront("US"), DAY);
        assertThat(exactlyFive.freeEpisodes()).isEqualTo(5);
        assertThat(exactlyFive.paidEpisodes()).isZero();

        DramaPrice none = CALCULATOR.price(TIERS.get("promo", DAY), 0, storefront("US"), DAY);
        assertThat(none.freeEpisodes()).isZero();
        assertThat(none.seriesCoins()).isZero();
    }

    @Test
    void oneEpisodePastTheFreeOnes() {
        // standard, 6 episodes: paid 1, 60 coins, −10 % = 54.
        assertThat(CALCULATOR.price(TIERS.get("standard", DAY), 6, storefront("US"), DAY).seriesCoins()).isEqualTo(54);
    }

    @Test
    void seriesDiscountRoundsDown() {
        // premium, 10 episodes: paid 7, 7 × 90 = 630, × 85 % = 535.5 → 535.
        assertThat(CALCULATOR.price(TIERS.get("premium", DAY), 10, storefront("US"), DAY).seriesCoins()).isEqualTo(535);
        // premium, 11 episodes: paid 8, 720 × 85 % = 612 exactly.
        assertThat(CALCULATOR.price(TIERS.get("premium", DAY), 11, storefront("US"), DAY).seriesCoins()).isEqualTo(612);
        // a fractional discount: 12.5 % off 3 × 50 = 150 → 131.25 → 131.
        PricingTier custom = new PricingTier("custom", 0, 50, Optional.of(new BigDecimal("12.5")));
        assertThat(CALCULATOR.price(custom, 3, storefront("US"), DAY).seriesCoins()).isEqualTo(131);
    }

    @Test
    void tierWithoutDiscountChargesEveryPaidEpisode() {
        // promo, 12 episodes: paid 2 × 40 = 80, no discount.
        DramaPrice price = CALCULATOR.price(TIERS.get("promo", DAY), 12, storefront("US"), DAY);
        assertThat(price.seriesCoins()).isEqualTo(80);
        assertThat(price.seriesDiscountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void episodePriceUsesTheLocalEntryPack() {
        // DE entry pack €0.99 (see PriceEqualizerTest): 60 × 0.99 / 100 = 0.594 → €0.59; net 0.59 / 1.19 = 0.4958 → 0.50.
        DramaPrice de = CALCULATOR.price(TIERS.get("standard", DAY), 80, storefront("DE"), DAY);
        assertThat(de.episodePrice().display().display()).isEqualTo("€0.59");
        assertThat(de.episodePrice().net()).hasToString("EUR 0.50");
        // JP entry pack ¥170: 60 × 170 / 100 = 102 → ¥102; net 102 / 1.1 = 92.7 → 93. Premium: 90 × 1.70 = 153.
        assertThat(CALCULATOR.price(TIERS.get("standard", DAY), 80, storefront("JP"), DAY).episodePrice().display()).hasToString("JPY 102");
        assertThat(CALCULATOR.price(TIERS.get("standard", DAY), 80, storefront("JP"), DAY).episodePrice().net()).hasToString("JPY 93");
        assertThat(CALCULATOR.price(TIERS.get("premium", DAY), 80, storefront("JP"), DAY).episodePrice().display()).hasToString("JPY 153");
        // KW entry pack KWD 0.300: 60 × 0.300 / 100 = 0.180.
        assertThat(CALCULATOR.price(TIERS.get("standard", DAY), 80, storefront("KW"), DAY).episodePrice().display().display())
                .isEqualTo("KWD 0.180");
    }

    @Test
    void rejectsNegativeEpisodeCounts() {
        assertThatThrownBy(() -> CALCULATOR.price(TIERS.get("standard", DAY), -1, storefront("US"), DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tierRejectsNonsense() {
        assertThatThrownBy(() -> new PricingTier("x", -1, 60, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricingTier("x", 5, 0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricingTier("x", 5, 60, Optional.of(new BigDecimal("100"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Storefront storefront(String region) {
        return DATA.storefrontAt(region, DAY);
    }
}
