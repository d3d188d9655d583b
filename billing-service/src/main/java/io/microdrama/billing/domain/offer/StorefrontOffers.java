package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.reference.Storefront;

import java.util.List;

/** Everything a storefront sells, priced in its currency (what {@code GET /storefront/{region}/offers} shows). */
public record StorefrontOffers(Storefront storefront, List<PricedCoinPack> coinPacks, List<PricedVipPass> vipPasses) {

    public StorefrontOffers {
        coinPacks = List.copyOf(coinPacks);
        vipPasses = List.copyOf(vipPasses);
    }
}
