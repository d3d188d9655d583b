package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.pricing.LocalPrice;

/** A VIP pass with its price in one storefront. */
public record PricedVipPass(VipPass pass, LocalPrice price) {
}
