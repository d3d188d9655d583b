package io.microdrama.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One LIVE drama as the storefront lists it: the regional price and languages, titles in the display language. */
public record StorefrontListing(UUID id, String title, String synopsis, List<String> genres, String originalLanguage,
        int episodeCount, String coverImageUri, int freeEpisodes, int coinsPerEpisode, String currency,
        long priceMinor, int minorUnits, List<String> subtitleLanguages, String ageRating, Instant listedAt) {

    /** One LIVE drama with its episode list. */
    public record Detail(StorefrontListing listing, List<Episode> episodes) {
    }
}
