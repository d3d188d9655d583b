package io.microdrama.catalog.domain;

import java.util.List;

/** What a studio sends for a drama; equal content means an upsert is a no-op. */
public record DramaContent(String title, String synopsis, String originalLanguage, List<String> genres,
        String pricingTier, List<Episode> episodes, List<Licence> licences) {
}
