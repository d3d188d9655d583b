package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.contracts.DramaLimits;
import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.contracts.regions.RegionGroups;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a package before anything is sent, so a studio learns about every mistake at once and offline. The
 * platform checks again (it is the authority); these are the rules a package most often breaks.
 */
final class PackageValidator {

    private final LocalQualityControl localQc = new LocalQualityControl();

    List<PackageProblem> validate(DramaPackage pkg) {
        List<PackageProblem> problems = new ArrayList<>();
        JsonNode drama = pkg.manifest();
        if (!DramaLimits.isExternalId(pkg.externalId())) {
            problems.add(problem("externalId", "is required: 1-128 characters from A-Z a-z 0-9 . _ -"));
        }
        if (drama.path("title").asText("").isBlank()) {
            problems.add(problem("title", "is required"));
        }
        if (!LanguageTags.isKnown(drama.path("originalLanguage").asText(""))) {
            problems.add(problem("originalLanguage", "must be a BCP-47 language tag such as en, ja or es-419"));
        }
        if (drama.path("pricingTier").asText("").isBlank()) {
            problems.add(problem("pricingTier", "is required (e.g. standard)"));
        }
        int episodes = validateEpisodes(drama.path("episodes"), problems);
        validateLicences(drama.path("licences"), problems);
        validateSubtitles(pkg, episodes, problems);
        return problems;
    }

    private static int validateEpisodes(JsonNode episodes, List<PackageProblem> problems) {
        if (!episodes.isArray() || episodes.isEmpty()) {
            problems.add(problem("episodes", "at least one episode is required"));
            return 0;
        }
        for (int i = 0; i < episodes.size(); i++) {
            JsonNode episode = episodes.get(i);
            String field = "episodes[" + i + "]";
            if (episode.path("number").asInt(-1) != i + 1) {
                problems.add(problem(field + ".number", "episodes must be numbered 1.." + episodes.size()
                        + " in order without gaps (expected " + (i + 1) + ")"));
            }
            int duration = episode.path("durationSeconds").asInt(-1);
            if (!DramaLimits.isEpisodeDuration(duration)) {
                problems.add(problem(field + ".durationSeconds", "must be between " + DramaLimits.MIN_EPISODE_SECONDS
                        + " and " + DramaLimits.MAX_EPISODE_SECONDS + " seconds"));
            }
            if (!isAbsoluteUri(episode.path("videoUri").asText(""))) {
                problems.add(problem(field + ".videoUri", "is required: an absolute https, http, s3 or gs URI"));
            }
            if (!DramaLimits.isVideoChecksum(episode.path("videoChecksum").asText(""))) {
                problems.add(problem(field + ".videoChecksum", "is required: sha256: and 64 lower-case hex digits"));
            }
        }
        return episodes.size();
    }

    private static void validateLicences(JsonNode licences, List<PackageProblem> problems) {
        if (licences.isMissingNode()) {
            return;
        }
        for (int i = 0; i < licences.size(); i++) {
            JsonNode licence = licences.get(i);
            String field = "licences[" + i + "]";
            if (!RegionGroups.isKnown(licence.path("region").asText(""))) {
                problems.add(problem(field + ".region", "must be an ISO 3166-1 alpha-2 country or a region group "
                        + RegionGroups.groups().keySet()));
            }
            Instant from = instant(licence.path("validFrom"));
            Instant until = licence.hasNonNull("validUntil") ? instant(licence.path("validUntil")) : null;
            if (from == null) {
                problems.add(problem(field + ".validFrom", "is required: an ISO-8601 instant such as 2026-01-01T00:00:00Z"));
            } else if (licence.hasNonNull("validUntil") && (until == null || !from.isBefore(until))) {
                problems.add(problem(field + ".validUntil", "must be an instant after validFrom"));
            }
        }
    }

    private void validateSubtitles(DramaPackage pkg, int episodes, List<PackageProblem> problems) {
        pkg.unrecognisedFiles().forEach(file -> problems.add(new PackageProblem("subtitles/" + file.getFileName(),
                "is not named e<episode>.<language>.<vtt|srt> (e.g. e001.ja.vtt)")));
        Set<String> seen = new HashSet<>();
        for (SubtitleFile file : pkg.subtitles()) {
            String where = "subtitles/" + file.name();
            if (!seen.add(file.episode() + "/" + file.language())) {
                problems.add(new PackageProblem(where, "a second file for episode " + file.episode() + " in "
                        + file.language() + " (one per episode and language)"));
            }
            if (file.episode() < 1 || file.episode() > episodes) {
                problems.add(new PackageProblem(where, "episode " + file.episode() + " does not exist (the drama has "
                        + episodes + ")"));
            }
            if (!LanguageTags.isKnown(file.language())) {
                problems.add(new PackageProblem(where, "'" + file.language() + "' is not a known language tag"));
            }
            checkContent(file, where, problems);
        }
    }

    /** What the platform would refuse outright, by the platform's own decoder and parsers (module subtitles). */
    private void checkContent(SubtitleFile file, String where, List<PackageProblem> problems) {
        localQc.refusal(file).ifPresent(message -> problems.add(new PackageProblem(where, message)));
    }

    private static PackageProblem problem(String field, String message) {
        return new PackageProblem(DramaPackage.MANIFEST + ":" + field, message);
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && DramaLimits.isVideoScheme(uri.getScheme());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
