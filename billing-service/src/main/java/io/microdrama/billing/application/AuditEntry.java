package io.microdrama.billing.application;

import io.microdrama.billing.persistence.PricingAuditRow;

import java.time.Instant;

/**
 * One entry of a (drama, region)'s price history; the price fields are null for entries without a price.
 *
 * @param actor   who decided: the token's principal name, or billing-service for prices computed from events
 * @param subject the token's {@code sub} (null for billing-service)
 */
public record AuditEntry(long id, Instant at, String action, String actor, String subject, String reason,
        long dramaVersion, String source, Integer coinsPerEpisode, Integer freeEpisodes, Integer seriesCoins,
        Long amountMinor, String currency, Integer minorUnits) {

    static AuditEntry of(PricingAuditRow row) {
        return new AuditEntry(row.id, row.recordedAt, row.action, row.actor, row.actorSubject, row.reason,
                row.dramaVersion, row.source, row.coinsPerEpisode, row.freeEpisodes, row.seriesCoins, row.amountMinor,
                row.currency, row.minorUnits);
    }
}
