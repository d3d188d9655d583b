package io.microdrama.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Price of one (drama, region) for the drama version it was computed from. Money travels as integer minor
 * units with the currency's ISO 4217 digits, never as a floating-point number.
 */
public record PricingSet(
        String dramaId,
        long dramaVersion,
        String region,
        String pricingTier,
        int freeEpisodes,
        int coinsPerEpisode,
        int seriesCoins,
        Money episodeDisplayPrice,
        boolean taxInclusive,
        Source source,
        Instant setAt,
        // Optional, added within v1 (absent from older producers): a plain string so that a consumer meeting a
        // cause it does not know still reads the price. Known values: Cause's names.
        @JsonInclude(JsonInclude.Include.NON_NULL) String cause) {

    /** The known values of {@code cause} of an announcement. */
    public enum Cause {
        /** A drama.published priced the drama. */
        PUBLICATION,
        /** Ops set or removed an override. */
        OVERRIDE,
        /** Reference data (FX, PPP, tax, tiers) changed or a dated version came into force. */
        REPRICE
    }

    /** Where the price came from: the drama's pricing tier, or an ops override. */
    public enum Source { TIER, OVERRIDE }

    /** {@code amountMinor} in the currency's minor units, e.g. 59 with EUR/2 = €0.59, 90 with JPY/0 = ¥90. */
    public record Money(long amountMinor, String currency, int minorUnits) {
    }
}
