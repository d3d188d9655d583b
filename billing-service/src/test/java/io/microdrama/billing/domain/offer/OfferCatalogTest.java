package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.ReferenceDataException;
import io.microdrama.billing.domain.reference.ReferenceSource;
import io.microdrama.billing.domain.reference.TestSources;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferCatalogTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final PriceEqualizer EQUALIZER = new PriceEqualizer(DATA);
    private static final OfferCatalog CATALOG = OfferCatalog.load(ReferenceSource.classpath(), DATA.currency("USD"));
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void sixCoinPacksFromNinetyNineCentsToNinetyNineDollars() {
        assertThat(CATALOG.coinPacks()).extracting(pack -> pack.usdAnchor().amount().toPlainString())
                .containsExactly("0.99", "4.99", "9.99", "19.99", "49.99", "99.99");
        assertThat(CATALOG.entryPack().id()).isEqualTo("coins_100");
    }

    @Test
    void coinsAreHundredPerStartedDollarWithAGrowingBonus() {
        for (CoinPack pack : CATALOG.coinPacks()) {
            long startedDollars = pack.usdAnchor().amount().setScale(0, RoundingMode.CEILING).longValueExact();
            assertThat(pack.coins()).as(pack.id()).isEqualTo(100 * startedDollars);
        }
        // 100 + 0 %, 500 + 10 % = 50, 1000 + 20 % = 200, 2000 + 30 % = 600, 5000 + 40 % = 2000, 10000 + 50 % = 5000.
        assertThat(CATALOG.coinPacks()).extracting(CoinPack::bonusCoins).containsExactly(0L, 50L, 200L, 600L, 2000L, 5000L);
        assertThat(CATALOG.coinPacks()).extracting(CoinPack::totalCoins).containsExactly(100L, 550L, 1200L, 2600L, 7000L, 15000L);
    }

    @Test
    void bonusCoinsRoundDown() {
        CoinPack odd = new CoinPack("odd", Money.of("1.99", DATA.currency("USD")), 199, 15);
        // 199 × 15 % = 29.85 → 29.
        assertThat(odd.bonusCoins()).isEqualTo(29);
    }

    @Test
    void weeklyVipIsAnchoredAtNineteenNinetyNine() {
        assertThat(CATALOG.vipPasses()).singleElement().satisfies(pass -> {
            assertThat(pass.usdAnchor()).hasToString("USD 19.99");
            assertThat(pass.durationDays()).isEqualTo(7);
        });
    }

    @Test
    void usOffersAreTheAnchorsThemselves() {
        StorefrontOffers us = CATALOG.localize(DATA.storefrontAt("US", DAY), EQUALIZER, DAY);
        assertThat(us.coinPacks()).allSatisfy(priced ->
                assertThat(priced.price().display().amount()).isEqualByComparingTo(priced.pack().usdAnchor().amount()));
        assertThat(us.vipPasses().get(0).price().display()).hasToString("USD 19.99");
    }

    @Test
    void offersAreLocalizedThroughTheEqualizer() {
        // Germany VIP: 19.99 × 0.86 × 1.19 = 20.457766 → €20.49 (0.032234 away; 19.99 is 0.467766 away).
        assertThat(CATALOG.localize(DATA.storefrontAt("DE", DAY), EQUALIZER, DAY).vipPasses().get(0).price().display())
                .hasToString("EUR 20.49");
        // Kuwait VIP: 19.99 × 0.307 = 6.13693 → KWD 6.250.
        assertThat(CATALOG.localize(DATA.storefrontAt("KW", DAY), EQUALIZER, DAY).vipPasses().get(0).price().display().display())
                .isEqualTo("KWD 6.250");
    }

    @Test
    void swissOffersAreMultiplesOfFiveRappen() {
        StorefrontOffers ch = CATALOG.localize(DATA.storefrontAt("CH", DAY), EQUALIZER, DAY);
        assertThat(ch.coinPacks()).allSatisfy(priced ->
                assertThat(priced.price().display().amount().remainder(new BigDecimal("0.05"))).isZero());
    }

    @Test
    void loaderRejectsUnknownKindsAndDuplicateIds() {
        ReferenceSource badKind = TestSources.shipped()
                .replaceLine("offers.csv", "vip_weekly,", "vip_weekly,VIP,19.99,,,7,").source();
        assertThatThrownBy(() -> OfferCatalog.load(badKind, DATA.currency("USD")))
                .isInstanceOf(ReferenceDataException.class).hasMessageContaining("COIN_PACK or VIP_PASS");

        ReferenceSource duplicate = TestSources.shipped()
                .replaceLine("offers.csv", "coins_500,", "coins_100,COIN_PACK,4.99,500,10,,").source();
        assertThatThrownBy(() -> OfferCatalog.load(duplicate, DATA.currency("USD"))).hasMessageContaining("coins_100");

        ReferenceSource tooPrecise = TestSources.shipped()
                .replaceLine("offers.csv", "coins_500,", "coins_500,COIN_PACK,4.995,500,10,,").source();
        assertThatThrownBy(() -> OfferCatalog.load(tooPrecise, DATA.currency("USD"))).hasMessageContaining("offers.csv line");
    }
}
