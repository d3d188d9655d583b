package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.tier.PriceOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The ops override of one (drama, region), kept across re-publications until deleted. */
@Entity
@Table(name = "price_override")
public class PriceOverrideRow {

    @EmbeddedId
    public DramaPriceRow.Key key;
    @Column(name = "coins_per_episode")
    public int coinsPerEpisode;
    @Column(name = "free_episodes")
    public int freeEpisodes;
    @Column(name = "series_coins")
    public Integer seriesCoins;
    public String reason;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_by_subject")
    public String setBySubject;
    @Column(name = "set_at")
    public Instant setAt;

    public PriceOverride toDomain() {
        return new PriceOverride(coinsPerEpisode, freeEpisodes, Optional.ofNullable(seriesCoins).map(Integer::longValue));
    }

    /** True when this override already says exactly that: repeating it changes nothing. */
    public boolean sameAs(PriceOverride override, String reason) {
        return coinsPerEpisode == override.coinsPerEpisode() && freeEpisodes == override.freeEpisodes()
                && Optional.ofNullable(seriesCoins).map(Integer::longValue).equals(override.seriesCoins())
                && this.reason.equals(reason);
    }
}
