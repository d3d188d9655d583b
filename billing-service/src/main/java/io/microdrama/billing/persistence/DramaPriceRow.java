package io.microdrama.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The stored price of one (drama, region); the domain computes it, this row remembers what was announced. */
@Entity
@Table(name = "drama_price")
public class DramaPriceRow {

    @EmbeddedId
    public Key key;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Column(name = "studio_id")
    public String studioId;
    @Column(name = "pricing_tier")
    public String pricingTier;
    public String currency;
    @Column(name = "amount_minor")
    public long amountMinor;
    @Column(name = "minor_units")
    public int minorUnits;
    @Column(name = "tax_inclusive")
    public boolean taxInclusive;
    @Column(name = "coins_per_episode")
    public int coinsPerEpisode;
    @Column(name = "free_episodes")
    public int freeEpisodes;
    @Column(name = "series_coins")
    public int seriesCoins;
    public boolean active;
    /** {@code TIER} or {@code OVERRIDE} (contracts' {@code PricingSet.Source}). */
    public String source;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "drama_id") UUID dramaId, String region) implements Serializable {
    }
}
