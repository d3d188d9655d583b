package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.DramaContent;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** Body of {@code PUT /api/v1/studio/dramas/{externalId}}. Licences may name region groups (EU, LATAM...). */
public record DramaRequest(String title, String synopsis, String originalLanguage, List<String> genres,
        String pricingTier, List<EpisodeRequest> episodes, List<LicenceRequest> licences) {

    public record EpisodeRequest(Integer number, String title, Integer durationSeconds) {
    }

    public record LicenceRequest(String region, Instant validFrom, Instant validUntil, Boolean exclusive) {
    }

    static final int MAX_TITLE = 300;
    static final int MAX_SYNOPSIS = 5000;

    /** Validates every field (one error per offending field) and returns the content with groups expanded. */
    public DramaContent toContent() {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "title", title, MAX_TITLE);
        if (synopsis != null && synopsis.length() > MAX_SYNOPSIS) {
            errors.add(new FieldError("synopsis", "must be at most " + MAX_SYNOPSIS + " characters"));
        }
        if (!isLanguageTag(originalLanguage)) {
            errors.add(new FieldError("originalLanguage", "must be a BCP-47 language tag such as en, ja or es-419"));
        }
        requireText(errors, "pricingTier", pricingTier, 64);
        List<Episode> episodeList = validEpisodes(errors);
        List<Licence> licenceList = validLicences(errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DramaContent(title.strip(), synopsis, Locale.forLanguageTag(originalLanguage).toLanguageTag(),
                genres == null ? List.of() : List.copyOf(genres), pricingTier.strip(), episodeList, licenceList);
    }

    private List<Episode> validEpisodes(List<FieldError> errors) {
        if (episodes == null || episodes.isEmpty()) {
            errors.add(new FieldError("episodes", "at least one episode is required"));
            return List.of();
        }
        List<Episode> result = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeRequest episode = episodes.get(i);
            String field = "episodes[" + i + "]";
            if (episode == null || episode.number() == null || episode.number() != i + 1) {
                errors.add(new FieldError(field + ".number", "episodes must be numbered 1.." + episodes.size()
                        + " in order without gaps or duplicates (expected " + (i + 1) + ")"));
                continue;
            }
            if (episode.durationSeconds() == null || episode.durationSeconds() < 10 || episode.durationSeconds() > 900) {
                errors.add(new FieldError(field + ".durationSeconds", "must be between 10 and 900 seconds"));
                continue;
            }
            if (episode.title() != null && episode.title().length() > MAX_TITLE) {
                errors.add(new FieldError(field + ".title", "must be at most " + MAX_TITLE + " characters"));
                continue;
            }
            result.add(new Episode(episode.number(), episode.title(), episode.durationSeconds()));
        }
        return result;
    }

    private List<Licence> validLicences(List<FieldError> errors) {
        List<Licence> result = new ArrayList<>();
        List<LicenceRequest> given = licences == null ? List.of() : licences;
        for (int i = 0; i < given.size(); i++) {
            LicenceRequest licence = given.get(i);
            String field = "licences[" + i + "]";
            if (licence == null || !RegionGroups.isKnown(licence.region())) {
                errors.add(new FieldError(field + ".region", "must be an ISO 3166-1 alpha-2 country or a region group "
                        + RegionGroups.groups().keySet()));
                continue;
            }
            if (licence.validFrom() == null) {
                errors.add(new FieldError(field + ".validFrom", "is required"));
                continue;
            }
            if (licence.validUntil() != null && !licence.validFrom().isBefore(licence.validUntil())) {
                errors.add(new FieldError(field + ".validUntil", "must be after validFrom"));
                continue;
            }
            for (String country : RegionGroups.expand(List.of(licence.region()))) {
                result.add(new Licence(country, licence.validFrom(), licence.validUntil(), Boolean.TRUE.equals(licence.exclusive())));
            }
        }
        return result;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
