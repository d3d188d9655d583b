package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.money.Money;

import java.util.Objects;

/**
 * Coins sold for a USD anchor price. {@code coins} go to the paid wallet (never expire); the bonus goes to the
 * bonus wallet (expires, spent first), as in comparable apps.
 *
 * @param bonusPercent whole percent of {@code coins} given on top; bonus coins are rounded DOWN
 */
public record CoinPack(String id, Money usdAnchor, long coins, int bonusPercent) {

    public CoinPack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usdAnchor, "usdAnchor");
        if (!usdAnchor.isPositive()) {
            throw new IllegalArgumentException(id + ": anchor must be positive");
        }
        if (coins <= 0) {
            throw new IllegalArgumentException(id + ": coins must be positive");
        }
        if (bonusPercent < 0 || bonusPercent > 100) {
            throw new IllegalArgumentException(id + ": bonus percent must be 0..100");
        }
    }

    public long bonusCoins() {
        return Math.multiplyExact(coins, bonusPercent) / 100;
    }

    public long totalCoins() {
        return coins + bonusCoins();
    }
}
