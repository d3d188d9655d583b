package io.microdrama.billing.application;

import io.microdrama.billing.persistence.DramaPriceRow;

import java.time.Instant;
import java.util.UUID;

/** A drama's stored price in one region, as use cases hand it to the adapters (rows stay in persistence). */
public record StoredPrice(UUID dramaId, String region, long dramaVersion, String studioId, String pricingTier,
        String currency, long amountMinor, int minorUnits, boolean taxInclusive, int coinsPerEpisode, int freeEpisodes,
        int seriesCoins, boolean active, String source, Instant updatedAt) {

    static StoredPrice of(DramaPriceRow row) {
        return new StoredPrice(row.key.dramaId(), row.key.region(), row.dramaVersion, row.studioId, row.pricingTier,
                row.currency, row.amountMinor, row.minorUnits, row.taxInclusive, row.coinsPerEpisode, row.freeEpisodes,
                row.seriesCoins, row.active, row.source, row.updatedAt);
    }
}
