package io.microdrama.billing.api;

import io.microdrama.billing.domain.tier.PriceOverride;

import java.math.BigDecimal;

/** Body of {@code PUT …/pricing}: the override of one (drama, region) and why. */
public record OverrideRequest(BigDecimal coinsPerEpisode, BigDecimal freeEpisodes, BigDecimal seriesCoins, String reason) {

    static final int MAX_REASON = 500;
    /** Series coins are carried as an int in billing.pricing.set. */
    static final long MAX_SERIES_COINS = Integer.MAX_VALUE;

    /** The override, or a 422 naming every invalid field. */
    PriceOverride toOverride(FieldCheck check) {
        Long coins = check.wholeNumber("coinsPerEpisode", coinsPerEpisode, 1, PriceOverride.MAX_COINS_PER_EPISODE);
        Long free = check.wholeNumber("freeEpisodes", freeEpisodes, 0, PriceOverride.MAX_FREE_EPISODES);
        var series = check.optionalWholeNumber("seriesCoins", seriesCoins, 0, MAX_SERIES_COINS);
        check.text("reason", reason, MAX_REASON);
        check.throwIfInvalid();
        return new PriceOverride(coins, Math.toIntExact(free), series);
    }
}
