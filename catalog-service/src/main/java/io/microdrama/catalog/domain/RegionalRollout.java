package io.microdrama.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fan-in state of one (drama, region): the licence window from the catalog and the last answers of
 * localization and billing, each remembered with the drama version it was computed for. The state is derived
 * at read time from these facts and the clock, so a window opening or closing needs no event. Plain Java:
 * {@code persistence} maps it to {@code regional_rollout}, whose SQL predicates ({@code RolloutStateSql}) say the same.
 */
public class RegionalRollout {

    public Key key;
    public long dramaVersion;
    public Instant validFrom;
    public Instant validUntil;
    public boolean withdrawn;
    public boolean onHold;
    public String holdReason;
    public String heldBy;
    public Instant heldAt;
    public boolean ageRatingRequired;
    /** {@code system:value} for this region, or null when the studio gave none. */
    public String ageRating;
    /** When the drama version this row follows was published; the storefront lists newest first. */
    public Instant listedAt;
    public long localizationVersion;
    public boolean localizationReady;
    public List<String> missingLanguages = new ArrayList<>();
    public List<String> subtitleLanguages = new ArrayList<>();
    public long pricingVersion;
    public String currency;
    public Long priceMinor;
    public Integer minorUnits;
    public Integer coinsPerEpisode;
    public Integer freeEpisodes;
    /**
     * When the current drama version's steps were reached here (null: not yet): localization ready, price set, and
     * LIVE for the first time. They answer "how long did each step take"; the state never depends on them.
     */
    public Instant localizedAt;
    public Instant pricedAt;
    public Instant liveAt;

    public record Key(UUID dramaId, String region) {
    }

    public static RegionalRollout of(UUID dramaId, String region) {
        RegionalRollout rollout = new RegionalRollout();
        rollout.key = new Key(dramaId, region);
        return rollout;
    }

    /** A new published version: the licence may have changed and earlier answers no longer count. */
    public void licensedFor(long version, Licence licence, boolean ratingRequired, String rating, Instant publishedAt) {
        if (version != dramaVersion) {
            // The steps are timed per version: a new version starts again from published.
            localizedAt = null;
            pricedAt = null;
            liveAt = null;
        }
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
        if (withdrawn) {
            throw CatalogException.conflict("Drama " + key.dramaId() + " is withdrawn; there is nothing to hold in "
                    + key.region());
        }
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

    /**
     * Notes the steps the row has reached by {@code now}, each once per drama version: localization ready (cleared
     * again if a later answer says it is not), price set, and LIVE, which for a window that opens later is the
     * window's start (the clock makes it LIVE then, with no write to notice it).
     */
    public void recordProgress(Instant now) {
        boolean localized = localizationVersion == dramaVersion && localizationReady;
        if (!localized) {
            localizedAt = null;
        } else if (localizedAt == null) {
            localizedAt = now;
        }
        if (pricedAt == null && pricingVersion == dramaVersion && priceMinor != null) {
            pricedAt = now;
        }
        if (liveAt == null && !withdrawn && !onHold && blockers().isEmpty()
                && (validUntil == null || now.isBefore(validUntil))) {
            liveAt = now.isBefore(validFrom) ? validFrom : now;
        }
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
