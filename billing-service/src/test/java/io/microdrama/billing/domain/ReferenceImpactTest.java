package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.tier.DramaPrice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which regions a proposed version reaches, and when two computed prices announce something different. */
class ReferenceImpactTest {

    private static final Pricing SEED = Pricing.loadDefault();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void anFxRateReachesTheCountriesWhoseStorefrontUsesThatCurrencyFromItsDay() {
        Pricing euro = SEED.withVersions(ReferenceVersions.ofFxRates(List.of(new FxRate("EUR", new BigDecimal("1.5"), DAY, "t"))));

        assertThat(ReferenceImpact.regionInputsDiffer(SEED, euro, "DE", DAY)).isTrue();
        assertThat(ReferenceImpact.regionInputsDiffer(SEED, euro, "GR", DAY)).as("EU default storefront").isTrue();
        assertThat(ReferenceImpact.regionInputsDiffer(SEED, euro, "US", DAY)).isFalse();
        assertThat(ReferenceImpact.regionInputsDiffer(SEED, euro, "DE", DAY.minusDays(1))).isFalse();
        assertThat(ReferenceImpact.tiersDiffer(SEED, euro, DAY)).isFalse();
    }

    @Test
    void aFactorReachesItsRegionOnly() {
        Pricing cheaperThailand = SEED.withVersions(ReferenceVersions.ofPurchasingPowerFactor(
                new PurchasingPowerFactor("TH", DAY, new BigDecimal("0.3"), "t")));

        assertThat(ReferenceImpact.regionInputsDiffer(SEED, cheaperThailand, "TH", DAY)).isTrue();
        assertThat(ReferenceImpact.regionInputsDiffer(SEED, cheaperThailand, "JP", DAY)).isFalse();
    }

    @Test
    void aPriceChangesWhenWhatIsAnnouncedDiffersAndNotWhenNothingCanBeComputedAfter() {
        Pricing dearBaht = SEED.withVersions(ReferenceVersions.ofFxRates(List.of(new FxRate("THB", new BigDecimal("70"), DAY, "t"))));
        Optional<DramaPrice> before = PriceInForce.on(SEED, "standard", 20, "TH", Optional.empty(), DAY);
        Optional<DramaPrice> after = PriceInForce.on(dearBaht, "standard", 20, "TH", Optional.empty(), DAY);

        assertThat(ReferenceImpact.changes(before, after)).isTrue();
        assertThat(ReferenceImpact.changes(before, before)).isFalse();
        assertThat(ReferenceImpact.changes(before, Optional.empty())).isFalse();
        assertThat(ReferenceImpact.changes(Optional.empty(), after)).isTrue();
    }
}
