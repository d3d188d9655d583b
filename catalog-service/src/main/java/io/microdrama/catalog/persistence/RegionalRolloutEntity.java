package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.RegionalRollout;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code regional_rollout} table: one row per (drama, licensed country). The rules live in {@link RegionalRollout}. */
@Entity(name = "RegionalRollout")
@Table(name = "regional_rollout")
public class RegionalRolloutEntity {

    @EmbeddedId
    public Key key;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    public boolean withdrawn;
    @Column(name = "on_hold")
    public boolean onHold;
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "held_by")
    public String heldBy;
    @Column(name = "held_at")
    public Instant heldAt;
    @Column(name = "age_rating_required")
    public boolean ageRatingRequired;
    @Column(name = "age_rating")
    public String ageRating;
    @Column(name = "listed_at")
    public Instant listedAt;
    @Column(name = "localization_version")
    public long localizationVersion;
    @Column(name = "localization_ready")
    public boolean localizationReady;
    @Convert(converter = JsonColumns.Strings.class)
    @Column(name = "missing_languages")
    public List<String> missingLanguages = new ArrayList<>();
    @Convert(converter = JsonColumns.Strings.class)
    @Column(name = "subtitle_languages")
    public List<String> subtitleLanguages = new ArrayList<>();
    @Column(name = "pricing_version")
    public long pricingVersion;
    public String currency;
    @Column(name = "price_minor")
    public Long priceMinor;
    @Column(name = "minor_units")
    public Integer minorUnits;
    @Column(name = "coins_per_episode")
    public Integer coinsPerEpisode;
    @Column(name = "free_episodes")
    public Integer freeEpisodes;
    @Column(name = "localized_at")
    public Instant localizedAt;
    @Column(name = "priced_at")
    public Instant pricedAt;
    @Column(name = "live_at")
    public Instant liveAt;

    @Embeddable
    public record Key(@Column(name = "drama_id") UUID dramaId, String region) implements Serializable {
        static Key of(RegionalRollout.Key key) {
            return new Key(key.dramaId(), key.region());
        }
    }

    RegionalRollout toDomain() {
        RegionalRollout rollout = RegionalRollout.of(key.dramaId(), key.region());
        rollout.dramaVersion = dramaVersion;
        rollout.validFrom = validFrom;
        rollout.validUntil = validUntil;
        rollout.withdrawn = withdrawn;
        rollout.onHold = onHold;
        rollout.holdReason = holdReason;
        rollout.heldBy = heldBy;
        rollout.heldAt = heldAt;
        rollout.ageRatingRequired = ageRatingRequired;
        rollout.ageRating = ageRating;
        rollout.listedAt = listedAt;
        rollout.localizationVersion = localizationVersion;
        rollout.localizationReady = localizationReady;
        rollout.missingLanguages = missingLanguages;
        rollout.subtitleLanguages = subtitleLanguages;
        rollout.pricingVersion = pricingVersion;
        rollout.currency = currency;
        rollout.priceMinor = priceMinor;
        rollout.minorUnits = minorUnits;
        rollout.coinsPerEpisode = coinsPerEpisode;
        rollout.freeEpisodes = freeEpisodes;
        rollout.localizedAt = localizedAt;
        rollout.pricedAt = pricedAt;
        rollout.liveAt = liveAt;
        return rollout;
    }

    RegionalRolloutEntity copy(RegionalRollout rollout) {
        key = Key.of(rollout.key);
        dramaVersion = rollout.dramaVersion;
        validFrom = rollout.validFrom;
        validUntil = rollout.validUntil;
        withdrawn = rollout.withdrawn;
        onHold = rollout.onHold;
        holdReason = rollout.holdReason;
        heldBy = rollout.heldBy;
        heldAt = rollout.heldAt;
        ageRatingRequired = rollout.ageRatingRequired;
        ageRating = rollout.ageRating;
        listedAt = rollout.listedAt;
        localizationVersion = rollout.localizationVersion;
        localizationReady = rollout.localizationReady;
        missingLanguages = rollout.missingLanguages;
        subtitleLanguages = rollout.subtitleLanguages;
        pricingVersion = rollout.pricingVersion;
        currency = rollout.currency;
        priceMinor = rollout.priceMinor;
        minorUnits = rollout.minorUnits;
        coinsPerEpisode = rollout.coinsPerEpisode;
        freeEpisodes = rollout.freeEpisodes;
        localizedAt = rollout.localizedAt;
        pricedAt = rollout.pricedAt;
        liveAt = rollout.liveAt;
        return this;
    }
}
