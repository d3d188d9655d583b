package io.microdrama.catalog.domain;

import io.microdrama.catalog.persistence.JsonColumns;
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

/**
 * Fan-in state of one (drama, region): the licence window from the catalog and the last answers of
 * localization and billing, each remembered with the drama version it was computed for. The state is derived
 * at read time from these facts and the clock, so a window opening or closing needs no event.
 */
@Entity
@Table(name = "regional_rollout")
public class RegionalRollout {

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
    /** {@code system:value} for this region, or null when the studio gave none. */
    @Column(name = "age_rating")
    public String ageRating;
    /** When the drama version this row follows was published; the storefront lists newest first. */
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

    @Embeddable
    public record Key(@Column(name = "drama_id") UUID dramaId, String region) implements Serializable {
    }

    public static RegionalRollout of(UUID dramaId, String region) {
        RegionalRollout rollout = new RegionalRollout();
        rollout.key = new Key(dramaId, region);
        return rollout;
    }

    /** A new published version: the licence may have changed and earlier answers no longer count. */
    public void licensedFor(long version, Licence licence, boolean ratingRequired, String rating, Instant publishedAt) {
        dramaVersion = version;
        validFrom = licence.validFrom();
        validUntil = licence.validUntil();
        withdrawn = false;
        ageRatingRequired = ratingRequired;
        ageRating = rating;
        listedAt = publishedAt;
    }

    /** Ops hold: the drama leaves this region's storefront until released, whatever else happens. */
    public boolean hold(String reason, String by, Instant now) {
        if (onHold && reason.equals(holdReason)) {
            return false;
        }
        onHold = true;
        holdReason = reason;
        heldBy = by;
        heldAt = now;
        return true;
    }

    public boolean release() {
        if (!onHold) {
            return false;
        }
        onHold = false;
        holdReason = null;
        heldBy = null;
        heldAt = null;
        return true;
    }

    /** Applies a localization answer unless an answer for a newer drama version was applied already. */
    public boolean applyReadiness(long version, boolean ready, List<String> missing, List<String> available) {
        if (version < localizationVersion) {
            return false;
        }
        localizationVersion = version;
        localizationReady = ready;
        missingLanguages = List.copyOf(missing);
        subtitleLanguages = List.copyOf(available);
        return true;
    }

    /** Applies a price unless a price for a newer drama version was applied already. */
    public boolean applyPrice(long version, String currency, long amountMinor, int minorUnits, int coinsPerEpisode,
            int freeEpisodes) {
        if (version < pricingVersion) {
            return false;
        }
        pricingVersion = version;
        this.currency = currency;
        this.priceMinor = amountMinor;
        this.minorUnits = minorUnits;
        this.coinsPerEpisode = coinsPerEpisode;
        this.freeEpisodes = freeEpisodes;
        return true;
    }

    public RolloutState stateAt(Instant now) {
        if (withdrawn) {
            return RolloutState.WITHDRAWN;
        }
        if (now.isBefore(validFrom)) {
            return RolloutState.SCHEDULED;
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return RolloutState.EXPIRED;
        }
        if (onHold) {
            return RolloutState.ON_HOLD;
        }
        return blockers().isEmpty() ? RolloutState.LIVE : RolloutState.WAITING;
    }

    /** Why a licensed, open region is not LIVE; answers for an older drama version do not count. */
    public List<String> blockers() {
        List<String> blockers = new ArrayList<>();
        if (localizationVersion < dramaVersion) {
            blockers.add("LOCALIZATION_PENDING");
        } else if (!localizationReady) {
            missingLanguages.forEach(language -> blockers.add("MISSING_LANGUAGE:" + language));
            if (missingLanguages.isEmpty()) {
                blockers.add("LOCALIZATION_NOT_READY");
            }
        }
        if (pricingVersion < dramaVersion || priceMinor == null) {
            blockers.add("NO_PRICE");
        }
        if (ageRatingRequired && ageRating == null) {
            blockers.add("AGE_RATING_MISSING");
        }
        return blockers;
    }
}
