package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.pricing.LocalPrice;

/** A coin pack with its price in one storefront. */
public record PricedCoinPack(CoinPack pack, LocalPrice price) {
}
