package io.microdrama.billing.api;

import io.microdrama.billing.application.ReferenceDataImpact;
import io.microdrama.billing.application.Repricing;
import io.microdrama.billing.application.StoredPrice;
import io.microdrama.billing.domain.tier.DramaPrice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The re-pricing views: a region's preview of an upcoming change, a proposed version's impact, the sweep. */
public final class RepricingView {

    private RepricingView() {
    }

    /** What a price is: coins, free episodes, series coins and the local value of one episode. */
    public record PriceView(String source, int coinsPerEpisode, int freeEpisodes, long seriesCoins, MoneyView episodePrice,
            boolean taxInclusive) {

        static PriceView of(StoredPrice stored) {
            return new PriceView(stored.source(), stored.coinsPerEpisode(), stored.freeEpisodes(), stored.seriesCoins(),
                    MoneyView.of(stored.amountMinor(), stored.currency(), stored.minorUnits()), stored.taxInclusive());
        }

        static PriceView of(DramaPrice price, boolean overridden) {
            return new PriceView(overridden ? "OVERRIDE" : "TIER", Math.toIntExact(price.coinsPerEpisode()),
                    price.freeEpisodes(), price.seriesCoins(), MoneyView.of(price.episodePrice().display()),
                    price.episodePrice().taxInclusive());
        }
    }

    public record ChangeView(UUID dramaId, String pricingTier, boolean overridden, PriceView current, PriceView next) {
    }

    /**
     * @param date          the day the preview prices for (the next dated change by default)
     * @param upcomingDates every later day on which a dated version comes into force in the region
     * @param affected      how many of the region's {@code activePrices} change on {@code date}
     */
    public record PreviewView(String region, LocalDate today, LocalDate date, List<LocalDate> upcomingDates,
            int activePrices, long affected, int page, int size, List<ChangeView> changes) {

        static PreviewView of(Repricing.Preview preview) {
            return new PreviewView(preview.region(), preview.today(), preview.date(), preview.upcoming(),
                    preview.activePrices(), preview.affected(), preview.page(), preview.size(),
                    preview.changes().stream().map(RepricingView::change).toList());
        }
    }

    /**
     * What a proposed reference-data version would change ({@code POST …/impact}); nothing was stored.
     *
     * @param effectiveFrom              the day the prices change (today: the sweep applies it at once)
     * @param alreadyStored              exactly this version exists: saving it changes nothing
     * @param regions                    regions with active prices that the change reaches
     * @param regionsWithoutActivePrices regions whose storefront, FX rate or factor changes but with no active price
     */
    public record ImpactView(LocalDate today, LocalDate effectiveFrom, boolean alreadyStored, List<RegionImpactView> regions,
            List<String> regionsWithoutActivePrices) {

        static ImpactView of(ReferenceDataImpact.Impact impact) {
            return new ImpactView(impact.today(), impact.effectiveFrom(), impact.alreadyStored(),
                    impact.regions().stream().map(region -> new RegionImpactView(region.region(), region.currency(),
                            region.activePrices(), region.changing(), region.examples().stream().map(RepricingView::change)
                                    .toList())).toList(),
                    impact.regionsWithoutActivePrices());
        }
    }

    /**
     * @param changing how many of the region's {@code activePrices} the version changes
     * @param examples up to 10 of them (drama id order): the price announced now and the price from the date
     */
    public record RegionImpactView(String region, String currency, int activePrices, int changing,
            List<ChangeView> examples) {
    }

    private static ChangeView change(Repricing.Change change) {
        return new ChangeView(change.dramaId(), change.pricingTier(), change.overridden(), PriceView.of(change.current()),
                PriceView.of(change.next(), change.overridden()));
    }

    /** The sweep: the reference revision and pricing date it prices against, and how far it got. */
    public record StatusView(long referenceRevision, LocalDate pricingDate, boolean completed, Instant startedAt,
            Instant completedAt, long checked, long repriced) {

        static StatusView of(Repricing.Status status) {
            return new StatusView(status.targetRevision(), status.targetDate(), status.completed(), status.startedAt(),
                    status.completedAt(), status.checked(), status.repriced());
        }
    }
}
