package io.microdrama.billing.domain.tier;

import java.util.Objects;
import java.util.Optional;

/**
 * An ops decision for one (drama, region) that replaces the tier's terms: coins per episode, free episodes and
 * optionally the coins for the whole series. Without {@code seriesCoins} the series price follows the tier's
 * discount applied to the overridden episode price.
 */
public record PriceOverride(long coinsPerEpisode, int freeEpisodes, Optional<Long> seriesCoins) {

    /** Upper bounds that keep a typo from pricing an episode at a month's wages; the research reports 50-150. */
    public static final long MAX_COINS_PER_EPISODE = 10_000;
    public static final int MAX_FREE_EPISODES = 10_000;

    public PriceOverride {
        Objects.requireNonNull(seriesCoins, "seriesCoins");
        if (coinsPerEpisode < 1 || coinsPerEpisode > MAX_COINS_PER_EPISODE) {
            throw new IllegalArgumentException("coins per episode must be 1.." + MAX_COINS_PER_EPISODE + ": " + coinsPerEpisode);
        }
        if (freeEpisodes < 0 || freeEpisodes > MAX_FREE_EPISODES) {
            throw new IllegalArgumentException("free episodes must be 0.." + MAX_FREE_EPISODES + ": " + freeEpisodes);
        }
        seriesCoins.ifPresent(coins -> {
            if (coins < 0) {
                throw new IllegalArgumentException("series coins must not be negative: " + coins);
            }
        });
    }

    /** What buying every paid episode one by one costs for a drama of {@code episodes} episodes. */
    public long undiscountedSeriesCoins(int episodes) {
        int free = Math.min(freeEpisodes, episodes);
        return Math.multiplyExact((long) (episodes - free), coinsPerEpisode);
    }
}
