package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;

import java.time.Instant;
import java.util.List;

/** A drama as its studio sees it, with the rollout state per licensed country. */
public record DramaView(String id, String externalId, String title, String synopsis, String originalLanguage,
        List<String> genres, String pricingTier, String status, long dramaVersion, long revision,
        List<Episode> episodes, List<Licence> licences, List<RegionRollout> rollout) {

    public record RegionRollout(String region, RolloutState state, List<String> blockers, Instant validFrom,
            Instant validUntil, List<String> subtitleLanguages, Price episodePrice) {
    }

    public record Price(String currency, long amountMinor, int minorUnits) {
    }

    static DramaView of(Drama drama, List<RegionalRollout> rollout, Instant now) {
        return new DramaView(drama.id.toString(), drama.externalId, drama.title, drama.synopsis, drama.originalLanguage,
                drama.genres, drama.pricingTier, drama.status.name(), drama.dramaVersion, drama.revision,
                drama.episodes, drama.licences, rollout.stream().map(r -> region(r, now)).toList());
    }

    static RegionRollout region(RegionalRollout r, Instant now) {
        RolloutState state = r.stateAt(now);
        return new RegionRollout(r.key.region(), state, state == RolloutState.WAITING ? r.blockers() : List.of(),
                r.validFrom, r.validUntil, r.subtitleLanguages, price(r));
    }

    static Price price(RegionalRollout r) {
        return r.priceMinor == null ? null : new Price(r.currency, r.priceMinor, r.minorUnits);
    }
}
