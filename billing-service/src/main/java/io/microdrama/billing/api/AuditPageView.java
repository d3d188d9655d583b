package io.microdrama.billing.api;

import io.microdrama.billing.domain.PriceOverrides.HistoryPage;
import io.microdrama.billing.persistence.PricingAuditRow;

import java.time.Instant;
import java.util.List;

/** One page of a (drama, region)'s price history, newest first. */
public record AuditPageView(List<Entry> items, int page, int size, long totalItems) {

    /**
     * @param actor   who decided: the token's principal name, or billing-service for prices computed from events
     * @param subject the token's {@code sub} (null for billing-service)
     */
    public record Entry(long id, Instant at, String action, String actor, String subject, String reason, long dramaVersion,
            String source, Integer coinsPerEpisode, Integer freeEpisodes, Integer seriesCoins, MoneyView episodePrice) {
    }

    static AuditPageView of(HistoryPage page) {
        return new AuditPageView(page.entries().stream().map(AuditPageView::entry).toList(), page.page(), page.size(),
                page.total());
    }

    private static Entry entry(PricingAuditRow row) {
        MoneyView price = row.amountMinor == null ? null : MoneyView.of(row.amountMinor, row.currency, row.minorUnits);
        return new Entry(row.id, row.recordedAt, row.action, row.actor, row.actorSubject, row.reason, row.dramaVersion,
                row.source, row.coinsPerEpisode, row.freeEpisodes, row.seriesCoins, price);
    }
}
