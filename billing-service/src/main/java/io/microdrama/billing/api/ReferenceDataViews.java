package io.microdrama.billing.api;

import io.microdrama.billing.application.CurrentPricing.Snapshot;
import io.microdrama.billing.domain.Recorded;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How the admin API shows reference data. Every version says where it comes from: {@code origin} is the shipped
 * file (the seed) or {@code admin-api}, with who stored it and when.
 */
public final class ReferenceDataViews {

    static final String ADMIN_API = "admin-api";

    private ReferenceDataViews() {
    }

    /** The versions in force on one date. */
    public record InForce<T>(LocalDate date, List<T> items) {
    }

    /** Every version of one item, oldest first, and the one in force today (null if none yet). */
    public record History<T>(String key, LocalDate inForceToday, List<T> versions) {
    }

    public record StorefrontView(String region, LocalDate effectiveFrom, String name, String currency, int minorUnits,
            BigDecimal cashIncrement, String priceLadder, boolean taxInclusiveDisplay, BigDecimal taxRate,
            boolean taxRateChecked, String notes, String source, String origin, String recordedBy, Instant recordedAt) {
    }

    public record FxRateView(String currency, LocalDate asOf, BigDecimal unitsPerUsd, String source, String origin,
            String recordedBy, Instant recordedAt) {
    }

    public record PurchasingPowerFactorView(String region, LocalDate effectiveFrom, BigDecimal factor, String note,
            String origin, String recordedBy, Instant recordedAt) {
    }

    public record TierView(String tier, LocalDate effectiveFrom, int freeEpisodes, long coinsPerEpisode,
            BigDecimal seriesDiscountPercent, String notes, String origin, String recordedBy, Instant recordedAt) {
    }

    static StorefrontView storefront(Storefront row, Snapshot snapshot) {
        Optional<Recorded> recorded = snapshot.recordedBy(row);
        return new StorefrontView(row.region(), row.effectiveFrom(), row.name(), row.currency().code(),
                row.currency().minorUnits(), row.cashIncrement().orElse(null), row.priceLadder(), row.taxInclusiveDisplay(),
                row.taxRate(), row.taxRateChecked(), row.notes(), row.source(), origin(recorded, "reference/storefronts.csv"),
                recorded.map(Recorded::by).orElse(null), recorded.map(Recorded::at).orElse(null));
    }

    static FxRateView fxRate(FxRate rate, Snapshot snapshot) {
        Optional<Recorded> recorded = snapshot.recordedBy(rate);
        return new FxRateView(rate.currency(), rate.asOf(), rate.unitsPerUsd(), rate.source(),
                origin(recorded, "reference/fx_rates.csv"), recorded.map(Recorded::by).orElse(null),
                recorded.map(Recorded::at).orElse(null));
    }

    static PurchasingPowerFactorView factor(PurchasingPowerFactor factor, Snapshot snapshot) {
        Optional<Recorded> recorded = snapshot.recordedBy(factor);
        return new PurchasingPowerFactorView(factor.region(), factor.effectiveFrom(), factor.factor(), factor.note(),
                origin(recorded, "reference/ppp_factors.csv"), recorded.map(Recorded::by).orElse(null),
                recorded.map(Recorded::at).orElse(null));
    }

    static TierView tier(PricingTierVersion version, Snapshot snapshot) {
        Optional<Recorded> recorded = snapshot.recordedBy(version);
        return new TierView(version.name(), version.effectiveFrom(), version.tier().freeEpisodes(),
                version.tier().coinsPerEpisode(), version.tier().seriesDiscountPercent().orElse(null), version.notes(),
                origin(recorded, "reference/tiers.csv"), recorded.map(Recorded::by).orElse(null),
                recorded.map(Recorded::at).orElse(null));
    }

    private static String origin(Optional<Recorded> recorded, String seedFile) {
        return recorded.isPresent() ? ADMIN_API : seedFile;
    }
}
