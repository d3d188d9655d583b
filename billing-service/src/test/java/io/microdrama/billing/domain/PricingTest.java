package io.microdrama.billing.domain;

import io.microdrama.billing.domain.offer.StorefrontOffers;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.tier.DramaPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facade the service calls. */
class PricingTest {

    private static final Pricing PRICING = Pricing.loadDefault();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void offersForARegion() {
        StorefrontOffers us = PRICING.offersAt("US", DAY);
        assertThat(us.coinPacks()).hasSize(6);
        assertThat(us.vipPasses().get(0).price().display().display()).isEqualTo("$19.99");
    }

    @Test
    void euMemberWithoutAStorefrontIsPricedByTheEuDefault() {
        // EU default (21 % placeholder): 0.99 × 0.86 × 1.21 = 1.030194 → €0.99 (0.040194 below; 1.09 is 0.059806 above).
        // Episode: 60 × 0.99 / 100 = 0.594 → €0.59; net 0.59 / 1.21 = 0.4876 → 0.49.
        DramaPrice greece = PRICING.dramaPrice("standard", 80, "GR", DAY);
        assertThat(greece.storefront().region()).isEqualTo("EU");
        assertThat(greece.seriesCoins()).isEqualTo(4050);
        assertThat(greece.episodePrice().display()).hasToString("EUR 0.59");
        assertThat(greece.episodePrice().net()).hasToString("EUR 0.49");
        assertThat(PRICING.equalize(PRICING.usd("0.99"), "GR", DAY).display()).hasToString("EUR 0.99");
    }

    @Test
    void anFxUpdateRepricesLikeApplesOctober2022Change() {
        // Euro at parity: 0.99 × 1 × 1.19 = 1.1781; 1.09 is 0.0881 below, 1.19 is 0.0119 above: €1.19.
        // (Apple's €0.99 tier became €1.19 in October 2022, when the euro was near parity.)
        Pricing parity = PRICING.withFxRates(List.of(new FxRate("EUR", BigDecimal.ONE, DAY, "admin")));
        assertThat(parity.equalize(parity.usd("0.99"), "DE", DAY).display()).hasToString("EUR 1.19");
        assertThat(PRICING.equalize(PRICING.usd("0.99"), "DE", DAY).display()).hasToString("EUR 0.99");
    }
}
