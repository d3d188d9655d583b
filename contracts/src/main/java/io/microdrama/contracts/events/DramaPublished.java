package io.microdrama.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Full snapshot of a drama at one published version. Licences are already expanded to ISO 3166-1 alpha-2
 * countries (region groups never travel on the wire), so every consumer sees the same set of regions.
 */
public record DramaPublished(
        String dramaId,
        long dramaVersion,
        String studioId,
        String externalId,
        String title,
        String originalLanguage,
        List<String> genres,
        String pricingTier,
        Map<String, LocalizedText> localizations,
        List<Episode> episodes,
        List<Licence> licences,
        List<AgeRating> ageRatings,
        Instant publishedAt) {

    public record Episode(int number, String title, int durationSeconds) {
    }

    /** A licence window for one country; {@code validUntil} null means open-ended. */
    public record Licence(String region, Instant validFrom, Instant validUntil, boolean exclusive) {
    }

    /** Age rating in one region, e.g. {@code system=fsk, value=12}. */
    public record AgeRating(String region, String system, String value) {
    }

    /** A studio-provided title and synopsis in one language (BCP-47 key in the map). */
    public record LocalizedText(String title, String synopsis) {
    }
}
