package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PriceOverride;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The two questions re-pricing asks: what a price is on a day, and on which later days it may change. */
class RepricingRulesTest {

    private static final Pricing SEED = Pricing.loadDefault();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void aNewFxRateMovesTheLocalValueOfATierPriceFromItsDayOn() {
        Pricing halvedBaht = SEED.withVersions(new ReferenceVersions(List.of(),
                List.of(new FxRate("THB", new BigDecimal("65.2"), DAY.plusDays(10), "test")), List.of(), List.of()));

        DramaPrice before = PriceInForce.on(halvedBaht, "standard", 20, "TH", Optional.empty(), DAY).orElseThrow();
        DramaPrice after = PriceInForce.on(halvedBaht, "standard", 20, "TH", Optional.empty(), DAY.plusDays(10)).orElseThrow();

        assertThat(before).isEqualTo(PriceInForce.on(SEED, "standard", 20, "TH", Optional.empty(), DAY).orElseThrow());
        assertThat(after.coinsPerEpisode()).isEqualTo(before.coinsPerEpisode());
        assertThat(after.episodePrice().display().minorAmount()).isGreaterThan(before.episodePrice().display().minorAmount());
        assertThat(after.episodePrice().display().currency().code()).isEqualTo("THB");
    }

    @Test
    void anOverrideStaysInForceAndOnlyTheValueOfItsCoinsFollowsTheMarket() {
        PriceOverride override = new PriceOverride(45, 8, Optional.empty());

        DramaPrice price = PriceInForce.on(SEED, "standard", 20, "DE", Optional.of(override), DAY).orElseThrow();

        assertThat(price.coinsPerEpisode()).isEqualTo(45);
        assertThat(price.freeEpisodes()).isEqualTo(8);
    }

    @Test
    void nothingIsComputedWithoutATierInForceOrAStorefront() {
        assertThat(PriceInForce.on(SEED, "no-such-tier", 20, "DE", Optional.empty(), DAY)).isEmpty();
        assertThat(PriceInForce.on(SEED, "standard", 20, "AQ", Optional.empty(), DAY)).isEmpty();
        assertThat(PriceInForce.on(SEED, null, 20, "DE", Optional.empty(), DAY)).isEmpty();
    }

    @Test
    void theCalendarListsLaterDatesOfVersionsThatTouchTheRegionOnly() {
        LocalDate soon = DAY.plusDays(3);
        LocalDate later = DAY.plusDays(30);
        Pricing withFuture = SEED.withVersions(new ReferenceVersions(List.of(),
                List.of(new FxRate("THB", new BigDecimal("33"), soon, "test"), new FxRate("JPY", new BigDecimal("150"), later, "test")),
                List.of(), List.of()));

        assertThat(ReferenceCalendar.changesAfter(withFuture, "TH", DAY)).contains(soon).doesNotContain(later);
        assertThat(ReferenceCalendar.changesAfter(withFuture, "JP", DAY)).contains(later).doesNotContain(soon);
        assertThat(ReferenceCalendar.changesAfter(withFuture, "TH", DAY)).allSatisfy(date -> assertThat(date).isAfter(DAY));
        assertThat(ReferenceCalendar.changesAfter(withFuture, "TH", soon)).doesNotContain(soon);
    }
}
