package io.microdrama.billing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.offer.PricedCoinPack;
import io.microdrama.billing.domain.offer.PricedVipPass;
import io.microdrama.billing.domain.offer.StorefrontOffers;
import io.microdrama.billing.domain.pricing.LocalPrice;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Coin packs and VIP passes of one storefront in its currency. Every price shows what the customer pays
 * ({@code display}: tax included where the storefront shows tax-inclusive prices) and, only there, the {@code net}
 * without tax; where tax is added at checkout (US, CA) display is the net and no separate net is given.
 * {@code basis} and the per-offer anchor and target explain the prices to ops; the public answer leaves them out.
 *
 * @param region     the country asked for
 * @param storefront the storefront that prices it (e.g. EU for an EU member without its own)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OffersView(
        String region,
        String storefront,
        String storefrontName,
        LocalDate pricedOn,
        String currency,
        int minorUnits,
        boolean taxInclusive,
        BigDecimal taxRate,
        List<CoinPackView> coinPacks,
        List<VipPassView> vipPasses,
        Basis basis) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriceView(MoneyView display, MoneyView net) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoinPackView(String id, long coins, long bonusCoins, long totalCoins, PriceView price,
            MoneyView usdAnchor, BigDecimal target) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VipPassView(String id, int durationDays, PriceView price, MoneyView usdAnchor, BigDecimal target) {
    }

    /** What the local prices were computed from (ops only). */
    public record Basis(LocalDate storefrontEffectiveFrom, String priceLadder, BigDecimal fxUnitsPerUsd, LocalDate fxAsOf,
            String fxSource, BigDecimal purchasingPowerFactor) {
    }

    static OffersView publicView(String region, LocalDate date, StorefrontOffers offers) {
        return of(region, date, offers, null);
    }

    static OffersView opsView(String region, LocalDate date, StorefrontOffers offers, Pricing pricing) {
        return of(region, date, offers, pricing);
    }

    private static OffersView of(String region, LocalDate date, StorefrontOffers offers, Pricing explainWith) {
        Storefront storefront = offers.storefront();
        Basis basis = null;
        if (explainWith != null) {
            FxRate fx = explainWith.referenceData().fxRate(storefront.currency().code(), date);
            basis = new Basis(storefront.effectiveFrom(), storefront.priceLadder(), fx.unitsPerUsd(), fx.asOf(), fx.source(),
                    explainWith.referenceData().purchasingPowerFactor(storefront.region(), date));
        }
        List<CoinPackView> packs = offers.coinPacks().stream().map(pack -> coinPack(pack, storefront, date, explainWith)).toList();
        List<VipPassView> passes = offers.vipPasses().stream().map(pass -> vipPass(pass, storefront, date, explainWith)).toList();
        return new OffersView(region, storefront.region(), storefront.name(), date, storefront.currency().code(),
                storefront.currency().minorUnits(), storefront.taxInclusiveDisplay(), storefront.taxRate(), packs, passes, basis);
    }

    private static CoinPackView coinPack(PricedCoinPack priced, Storefront storefront, LocalDate date, Pricing explainWith) {
        return new CoinPackView(priced.pack().id(), priced.pack().coins(), priced.pack().bonusCoins(),
                priced.pack().totalCoins(), price(priced.price()),
                explainWith == null ? null : MoneyView.of(priced.pack().usdAnchor()),
                explainWith == null ? null : explainWith.equalizer().exactTarget(priced.pack().usdAnchor(), storefront, date));
    }

    private static VipPassView vipPass(PricedVipPass priced, Storefront storefront, LocalDate date, Pricing explainWith) {
        return new VipPassView(priced.pass().id(), priced.pass().durationDays(), price(priced.price()),
                explainWith == null ? null : MoneyView.of(priced.pass().usdAnchor()),
                explainWith == null ? null : explainWith.equalizer().exactTarget(priced.pass().usdAnchor(), storefront, date));
    }

    private static PriceView price(LocalPrice price) {
        return new PriceView(MoneyView.of(price.display()), price.taxInclusive() ? MoneyView.of(price.net()) : null);
    }
}
