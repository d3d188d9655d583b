package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.tier.PricingTier;
import io.microdrama.billing.domain.tier.PricingTierVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A pricing-tier version added by an admin (insert-only). */
@Entity
@Table(name = "tier_version")
public class TierVersionRow {

    @EmbeddedId
    public Key key;
    @Column(name = "free_episodes")
    public int freeEpisodes;
    @Column(name = "coins_per_episode")
    public int coinsPerEpisode;
    @Column(name = "series_discount_percent")
    public BigDecimal seriesDiscountPercent;
    public String notes;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Embeddable
    public record Key(String tier, @Column(name = "effective_from") LocalDate effectiveFrom) implements Serializable {
    }

    public static TierVersionRow of(PricingTierVersion version, String recordedBy, Instant recordedAt) {
        TierVersionRow row = new TierVersionRow();
        row.key = new Key(version.name(), version.effectiveFrom());
        row.freeEpisodes = version.tier().freeEpisodes();
        row.coinsPerEpisode = Math.toIntExact(version.tier().coinsPerEpisode());
        row.seriesDiscountPercent = version.tier().seriesDiscountPercent().orElse(null);
        row.notes = version.notes();
        row.recordedBy = recordedBy;
        row.recordedAt = recordedAt;
        return row;
    }

    public PricingTierVersion toDomain() {
        return new PricingTierVersion(key.effectiveFrom(),
                new PricingTier(key.tier(), freeEpisodes, coinsPerEpisode, Optional.ofNullable(seriesDiscountPercent)), notes);
    }
}
