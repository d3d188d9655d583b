package io.microdrama.billing.api;

import io.microdrama.billing.application.AuditEntry;
import io.microdrama.billing.application.PriceOverrides.HistoryPage;

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

    private static Entry entry(AuditEntry entry) {
        MoneyView price = entry.amountMinor() == null ? null
                : MoneyView.of(entry.amountMinor(), entry.currency(), entry.minorUnits());
        return new Entry(entry.id(), entry.at(), entry.action(), entry.actor(), entry.subject(), entry.reason(),
                entry.dramaVersion(), entry.source(), entry.coinsPerEpisode(), entry.freeEpisodes(), entry.seriesCoins(),
                price);
    }
}
