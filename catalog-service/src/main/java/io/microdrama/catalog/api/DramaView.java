package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.LocalizedText;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A drama as its studio sees it, with the rollout state per licensed country. {@code warnings} are accepted but
 * worth a look (an episode that is not 9:16 is letterboxed on phones); {@code unpublishedChanges} says the stored
 * content differs from what viewers get.
 */
public record DramaView(String id, String externalId, String title, String synopsis, String originalLanguage,
        List<String> genres, List<String> tags, String coverImageUri, Map<String, LocalizedText> localizations,
        Map<String, String> ageRatings, String pricingTier, String status, long dramaVersion, long revision,
        boolean unpublishedChanges, Instant publishedAt, List<Episode> episodes, List<Licence> licences,
        List<RegionRollout> rollout, List<Warning> warnings) {

    public record RegionRollout(String region, RolloutState state, List<String> blockers, Instant validFrom,
            Instant validUntil, List<String> subtitleLanguages, Price episodePrice, String ageRating, Hold hold,
            Steps steps) {
    }

    /** When the drama version's rollout reached each step in this region; null where not (yet). */
    public record Steps(Instant publishedAt, Instant localizedAt, Instant pricedAt, Instant liveAt) {
    }

    public record Price(String currency, long amountMinor, int minorUnits) {
    }

    public record Hold(String reason, String by, Instant at) {
    }

    public record Warning(String field, String message) {
    }

    static DramaView of(Drama drama, List<RegionalRollout> rollout, Instant now) {
        return new DramaView(drama.id.toString(), drama.externalId, drama.title, drama.synopsis, drama.originalLanguage,
                drama.genres, drama.tags, drama.coverImageUri, drama.localizations,
                drama.ageRatings.stream().collect(Collectors.toMap(AgeRating::region, AgeRating::label, (a, b) -> a,
                        TreeMap::new)),
                drama.pricingTier, drama.status.name(), drama.dramaVersion, drama.revision,
                drama.hasUnpublishedChanges(),
                drama.publishedAt, drama.episodes, drama.licences, rollout.stream().map(r -> region(r, now)).toList(),
                warnings(drama));
    }

    static RegionRollout region(RegionalRollout r, Instant now) {
        RolloutState state = r.stateAt(now);
        return new RegionRollout(r.key.region(), state, state == RolloutState.WAITING ? r.blockers() : List.of(),
                r.validFrom, r.validUntil, r.subtitleLanguages, price(r), r.ageRating,
                r.onHold ? new Hold(r.holdReason, r.heldBy, r.heldAt) : null,
                new Steps(r.listedAt, r.localizedAt, r.pricedAt, r.liveAt));
    }

    static Price price(RegionalRollout r) {
        return r.priceMinor == null ? null : new Price(r.currency, r.priceMinor, r.minorUnits);
    }

    static List<Warning> warnings(Drama drama) {
        return drama.episodes.stream().filter(episode -> !episode.fitsVerticalScreen())
                .map(episode -> new Warning("episodes[" + (episode.number() - 1) + "].aspectRatio", "episode "
                        + episode.number() + " is " + episode.aspectRatio() + "; players expect vertical "
                        + Episode.VERTICAL + " and will letterbox it"))
                .toList();
    }
}
