package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.money.Money;

import java.util.Objects;

/** Time-boxed access to every episode (the "weekly VIP" of micro-drama apps), priced from a USD anchor. */
public record VipPass(String id, Money usdAnchor, int durationDays) {

    public VipPass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usdAnchor, "usdAnchor");
        if (!usdAnchor.isPositive()) {
            throw new IllegalArgumentException(id + ": anchor must be positive");
        }
        if (durationDays <= 0) {
            throw new IllegalArgumentException(id + ": duration must be positive");
        }
    }
}
