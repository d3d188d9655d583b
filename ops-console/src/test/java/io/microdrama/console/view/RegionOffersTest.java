package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RegionOffersTest {

    @Test
    void eachPriceShowsHowItWasComputed() throws Exception {
        RegionOffers.Page page = RegionOffers.of(new ObjectMapper().readTree("""
                {"region":"DE","storefront":"DE","storefrontName":"Germany","pricedOn":"2026-12-03","currency":"EUR",
                 "minorUnits":2,"taxInclusive":true,"taxRate":0.19,
                 "coinPacks":[{"id":"pack-100","coins":100,"bonusCoins":10,"totalCoins":110,
                   "price":{"display":{"amountMinor":99,"currency":"EUR","minorUnits":2,"formatted":"€0.99"},
                            "net":{"amountMinor":83,"currency":"EUR","minorUnits":2,"formatted":"€0.83"}},
                   "usdAnchor":{"amountMinor":99,"currency":"USD","minorUnits":2,"formatted":"$0.99"},"target":0.8740}],
                 "vipPasses":[{"id":"vip-7","durationDays":7,
                   "price":{"display":{"amountMinor":499,"currency":"EUR","minorUnits":2}}}],
                 "basis":{"storefrontEffectiveFrom":"2026-01-01","priceLadder":"EUR-99","fxUnitsPerUsd":0.9200,
                   "fxAsOf":"2026-12-01","fxSource":"ECB","purchasingPowerFactor":0.95}}
                """));

        assertThat(page.storefront()).isEqualTo("DE (Germany)");
        assertThat(page.tax()).isEqualTo("prices include 19 % tax");
        assertThat(page.basis()).containsExactly("Storefront in force since 2026-01-01, price ladder EUR-99",
                "Exchange rate: 1 USD = 0.92 EUR (as of 2026-12-01, ECB)", "Purchasing-power factor: 0.95");
        RegionOffers.Offer pack = page.coinPacks().get(0);
        assertThat(pack.what()).isEqualTo("100 coins + 10 bonus");
        assertThat(pack.price()).isEqualTo("€0.99");
        assertThat(pack.net()).isEqualTo("€0.83");
        assertThat(pack.computed()).isEqualTo("anchor $0.99 → target 0.874 EUR → price point €0.99");
        RegionOffers.Offer pass = page.vipPasses().get(0);
        assertThat(pass.what()).isEqualTo("VIP for 7 days");
        assertThat(pass.price()).as("no formatted text: from the minor units").isEqualTo("4.99 EUR");
        assertThat(pass.computed()).isEmpty();
    }

    @Test
    void taxAddedAtCheckoutIsSaidSo() throws Exception {
        RegionOffers.Page page = RegionOffers.of(new ObjectMapper().readTree("""
                {"region":"US","storefront":"US","currency":"USD","taxInclusive":false,"taxRate":0,"coinPacks":[],"vipPasses":[]}
                """));
        assertThat(page.tax()).isEqualTo("tax (0 %) is added at checkout");
        assertThat(page.basis()).isEmpty();
        assertThat(page.storefront()).isEqualTo("US");
    }
}
