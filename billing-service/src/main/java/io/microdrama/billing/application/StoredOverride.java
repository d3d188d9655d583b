package io.microdrama.billing.application;

import io.microdrama.billing.persistence.PriceOverrideRow;

import java.time.Instant;

/** The ops override behind a price, as use cases hand it to the adapters. */
public record StoredOverride(int coinsPerEpisode, int freeEpisodes, Integer seriesCoins, String reason, String setBy,
        Instant setAt) {

    static StoredOverride of(PriceOverrideRow row) {
        return new StoredOverride(row.coinsPerEpisode, row.freeEpisodes, row.seriesCoins, row.reason, row.setBy, row.setAt);
    }
}
