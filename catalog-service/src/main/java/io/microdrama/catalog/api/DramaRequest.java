package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.AgeRatingPolicy;
import io.microdrama.catalog.domain.DramaContent;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.LocalizedText;
import io.microdrama.contracts.DramaLimits;
import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Body of {@code PUT /api/v1/studio/dramas/{externalId}}. Licences and age ratings may name region groups (EU,
 * LATAM...), which are expanded to countries here. {@link #toContent} reports every offending field at once.
 */
public record DramaRequest(String title, String synopsis, String originalLanguage, List<String> genres,
        List<String> tags, String coverImageUri, Map<String, LocalizedTextRequest> localizations,
        Map<String, String> ageRatings, String pricingTier, List<EpisodeRequest> episodes,
        List<LicenceRequest> licences) {

    public record EpisodeRequest(Integer number, String title, Integer durationSeconds, String videoUri,
            String videoChecksum, String aspectRatio) {
    }

    public record LicenceRequest(String region, Instant validFrom, Instant validUntil, Boolean exclusive) {
    }

    public record LocalizedTextRequest(String title, String synopsis) {
    }

    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &'._-]{0,39}");
    private static final Pattern TIER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ASPECT_RATIO = Pattern.compile("([1-9][0-9]{0,3}):([1-9][0-9]{0,3})");
    private static final Pattern RATING = Pattern.compile("([a-z][a-z0-9-]{1,19}):([A-Za-z0-9+-]{1,10})");
    private static final Set<String> IMAGE_SCHEMES = Set.of("https", "http");

    /** Validates every field (one error per offending field) and returns the content with groups expanded. */
    public DramaContent toContent(AgeRatingPolicy ratingPolicy) {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "title", title, DramaLimits.MAX_TITLE);
        if (synopsis != null && synopsis.length() > DramaLimits.MAX_SYNOPSIS) {
            errors.add(new FieldError("synopsis", "must be at most " + DramaLimits.MAX_SYNOPSIS + " characters"));
        }
        if (!LanguageTags.isKnown(originalLanguage)) {
            errors.add(new FieldError("originalLanguage", "must be a BCP-47 language tag such as en, ja or es-419"));
        }
        if (pricingTier == null || !TIER.matcher(pricingTier).matches()) {
            errors.add(new FieldError("pricingTier", "is required: a tier name such as standard, premium or promo"));
        }
        List<String> genreList = labels(errors, "genres", genres);
        List<String> tagList = labels(errors, "tags", tags);
        if (coverImageUri != null && !isUri(coverImageUri, IMAGE_SCHEMES)) {
            errors.add(new FieldError("coverImageUri", "must be an absolute http(s) URI"));
        }
        Map<String, LocalizedText> localizedTexts = validLocalizations(errors);
        List<Episode> episodeList = validEpisodes(errors);
        List<Licence> licenceList = validLicences(errors);
        List<AgeRating> ratings = validAgeRatings(errors, ratingPolicy);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DramaContent(title.strip(), synopsis, LanguageTags.canonical(originalLanguage), genreList, tagList, coverImageUri,
                localizedTexts, ratings, pricingTier, episodeList, licenceList);
    }

    private List<Episode> validEpisodes(List<FieldError> errors) {
        if (episodes == null || episodes.isEmpty()) {
            errors.add(new FieldError("episodes", "at least one episode is required"));
            return List.of();
        }
        if (episodes.size() > DramaLimits.MAX_EPISODES) {
            errors.add(new FieldError("episodes", "at most " + DramaLimits.MAX_EPISODES + " episodes"));
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
            int before = errors.size();
            if (episode.durationSeconds() == null || !DramaLimits.isEpisodeDuration(episode.durationSeconds())) {
                errors.add(new FieldError(field + ".durationSeconds", "must be between " + DramaLimits.MIN_EPISODE_SECONDS + " and "
                        + DramaLimits.MAX_EPISODE_SECONDS + " seconds"));
            }
            if (episode.title() != null && episode.title().length() > DramaLimits.MAX_TITLE) {
                errors.add(new FieldError(field + ".title", "must be at most " + DramaLimits.MAX_TITLE + " characters"));
            }
            if (!isUri(episode.videoUri(), DramaLimits.VIDEO_URI_SCHEMES)) {
                errors.add(new FieldError(field + ".videoUri", "is required: an absolute https, http, s3 or gs URI"));
            }
            if (!DramaLimits.isVideoChecksum(episode.videoChecksum())) {
                errors.add(new FieldError(field + ".videoChecksum", "is required: sha256: followed by 64 lower-case hex digits"));
            }
            if (episode.aspectRatio() != null && !ASPECT_RATIO.matcher(episode.aspectRatio()).matches()) {
                errors.add(new FieldError(field + ".aspectRatio", "must be width:height such as 9:16"));
            }
            if (errors.size() == before) {
                result.add(new Episode(episode.number(), episode.title(), episode.durationSeconds(), episode.videoUri(),
                        episode.videoChecksum(), episode.aspectRatio() == null ? Episode.VERTICAL : episode.aspectRatio()));
            }
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
        List<String> overlapping = result.stream().map(Licence::region).filter(region ->
                result.stream().filter(l -> l.region().equals(region)).count() > 1).distinct().toList();
        if (!overlapping.isEmpty()) {
            errors.add(new FieldError("licences", "each country may be licensed once; given more than once: " + overlapping));
        }
        return result;
    }

    private Map<String, LocalizedText> validLocalizations(List<FieldError> errors) {
        Map<String, LocalizedText> result = new TreeMap<>();
        if (localizations == null) {
            return result;
        }
        localizations.forEach((language, text) -> {
            String field = "localizations." + language;
            if (!LanguageTags.isKnown(language)) {
                errors.add(new FieldError(field, "key must be a BCP-47 language tag"));
            } else if (text == null || text.title() == null || text.title().isBlank()) {
                errors.add(new FieldError(field + ".title", "is required"));
            } else if (text.title().length() > DramaLimits.MAX_TITLE) {
                errors.add(new FieldError(field + ".title", "must be at most " + DramaLimits.MAX_TITLE + " characters"));
            } else if (text.synopsis() != null && text.synopsis().length() > DramaLimits.MAX_SYNOPSIS) {
                errors.add(new FieldError(field + ".synopsis", "must be at most " + DramaLimits.MAX_SYNOPSIS + " characters"));
            } else {
                result.put(LanguageTags.canonical(language), new LocalizedText(text.title().strip(), text.synopsis()));
            }
        });
        return result;
    }

    private List<AgeRating> validAgeRatings(List<FieldError> errors, AgeRatingPolicy policy) {
        Map<String, AgeRating> result = new LinkedHashMap<>();
        if (ageRatings == null) {
            return List.of();
        }
        new TreeMap<>(ageRatings).forEach((region, rating) -> {
            String field = "ageRatings." + region;
            var matcher = rating == null ? null : RATING.matcher(rating);
            if (!RegionGroups.isKnown(region)) {
                errors.add(new FieldError(field, "key must be an ISO 3166-1 alpha-2 country or a region group"));
            } else if (matcher == null || !matcher.matches()) {
                errors.add(new FieldError(field, "must be system:value such as fsk:12 or acb:M"));
            } else {
                for (String country : RegionGroups.expand(List.of(region))) {
                    String expected = policy.systemOf(country).orElse(matcher.group(1));
                    if (!expected.equals(matcher.group(1))) {
                        errors.add(new FieldError(field, country + " rates with the " + expected + " system, not " + matcher.group(1)));
                        return;
                    }
                    result.put(country, new AgeRating(country, matcher.group(1), matcher.group(2)));
                }
            }
        });
        return List.copyOf(result.values());
    }

    private static List<String> labels(List<FieldError> errors, String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > DramaLimits.MAX_LABELS) {
            errors.add(new FieldError(field, "at most " + DramaLimits.MAX_LABELS + " entries"));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String label = given.get(i);
            if (label == null || !LABEL.matcher(label.strip()).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1-40 letters, digits, spaces or &'._-"));
            } else if (!result.contains(label.strip().toLowerCase(Locale.ROOT))) {
                result.add(label.strip().toLowerCase(Locale.ROOT));
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

    private static boolean isUri(String value, Set<String> schemes) {
        if (value == null || value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && (uri.getHost() != null || uri.getAuthority() != null);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
