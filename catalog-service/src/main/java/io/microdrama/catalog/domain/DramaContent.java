package io.microdrama.catalog.domain;

import java.util.List;
import java.util.Map;

/** What a studio sends for a drama; equal content means an upsert is a no-op. */
public record DramaContent(String title, String synopsis, String originalLanguage, List<String> genres,
        List<String> tags, String coverImageUri, Map<String, LocalizedText> localizations, List<AgeRating> ageRatings,
        String pricingTier, List<Episode> episodes, List<Licence> licences) {
}
