package io.microdrama.localization.domain;

import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.contracts.regions.RegionGroups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which subtitle languages a country's storefront needs, at one policy version. Entries are kept per country and
 * per region group (EU, LATAM, ...): a country's own entry wins, else the entry of the first group it belongs to
 * (in the platform's group order, see {@link RegionGroups}), else English, the platform's lingua franca.
 * <p>
 * The drama's original language is served by its audio, so it never needs a subtitle; a language counts as served
 * when its primary subtag matches (English audio serves {@code en}, Spanish audio serves {@code es-419}).
 */
public final class LanguagePolicy {

    public static final String RESOURCE = "/reference/region-languages.csv";
    /** What a country gets when neither it nor any of its groups has an entry. */
    public static final List<String> FALLBACK = List.of("en");
    /** Name of the fallback in {@link Resolution#source()}. */
    public static final String FALLBACK_SOURCE = "default";

    private final long version;
    private final Map<String, List<String>> languagesByRegion;
    /** Approval rules of the entries that have one; an entry without a rule requires no approval. */
    private final Map<String, ApprovalRule> approvalByRegion;

    public LanguagePolicy(long version, Map<String, List<String>> languagesByRegion) {
        this(version, languagesByRegion, Map.of());
    }

    public LanguagePolicy(long version, Map<String, List<String>> languagesByRegion, Map<String, ApprovalRule> approvalByRegion) {
        this.version = version;
        this.languagesByRegion = Map.copyOf(languagesByRegion);
        Map<String, ApprovalRule> approvals = new java.util.HashMap<>(approvalByRegion);
        approvals.values().removeIf(ApprovalRule.NONE::equals);
        approvals.keySet().retainAll(languagesByRegion.keySet());
        this.approvalByRegion = Map.copyOf(approvals);
    }

    /**
     * Where a country's languages come from: its own entry, a group's entry or the fallback; the approval rule comes
     * with the entry (the fallback requires none).
     */
    public record Resolution(String country, List<String> languages, String source, ApprovalRule approval) {
        public Resolution(String country, List<String> languages, String source) {
            this(country, languages, source, ApprovalRule.NONE);
        }

        /** The entry's languages that need approval in this country. */
        public List<String> approvalLanguages() {
            return approval.needingApproval(languages);
        }
    }

    /** The entries shipped with the service, in file order (the seed of policy version 1). */
    public static Map<String, List<String>> shippedEntries() {
        try (InputStream in = LanguagePolicy.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("region,"))
                    .forEach(line -> {
                        String[] columns = line.split(",", 2);
                        String region = columns[0].strip();
                        List<String> languages = List.of(columns[1].strip().split("\\s+"));
                        List<String> problems = problems(region, languages);
                        if (!problems.isEmpty()) {
                            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
                        }
                        if (entries.put(region, languages) != null) {
                            throw new IllegalStateException(RESOURCE + ": region " + region + " appears twice");
                        }
                    });
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with an entry (empty when it is valid): known region, canonical and distinct language tags. */
    public static List<String> problems(String region, List<String> languages) {
        List<String> problems = new java.util.ArrayList<>();
        if (!RegionGroups.isKnown(region)) {
            problems.add("'" + region + "' is neither an ISO 3166-1 country nor a region group " + RegionGroups.groups().keySet());
        }
        if (languages == null || languages.isEmpty()) {
            problems.add(region + ": at least one language is needed");
            return problems;
        }
        for (String language : languages) {
            String canonical = LanguageTags.parse(language).orElse(null);
            if (canonical == null) {
                problems.add(region + ": '" + language + "' is not a BCP 47 language tag");
            } else if (!canonical.equals(language)) {
                problems.add(region + ": write '" + language + "' as '" + canonical + "'");
            }
        }
        if (languages.stream().distinct().count() != languages.size()) {
            problems.add(region + ": a language is listed twice");
        }
        return problems;
    }

    public long version() {
        return version;
    }

    /** Entries as stored, countries and groups. */
    public Map<String, List<String>> entries() {
        return languagesByRegion;
    }

    /** The approval rule of a region's own entry ({@link ApprovalRule#NONE} without one, or without an entry). */
    public ApprovalRule approval(String region) {
        return approvalByRegion.getOrDefault(region, ApprovalRule.NONE);
    }

    public Resolution resolve(String country) {
        List<String> own = languagesByRegion.get(country);
        if (own != null) {
            return new Resolution(country, own, country, approval(country));
        }
        for (String group : RegionGroups.groupsOf(country)) {
            List<String> languages = languagesByRegion.get(group);
            if (languages != null) {
                return new Resolution(country, languages, group, approval(group));
            }
        }
        return new Resolution(country, FALLBACK, FALLBACK_SOURCE);
    }

    /** Subtitle languages a drama with this original language needs in the country, in display order. */
    public List<String> requiredLanguages(String country, String originalLanguage) {
        String original = LanguageTags.primary(originalLanguage);
        return resolve(country).languages().stream()
                .filter(language -> !LanguageTags.primary(language).equals(original))
                .toList();
    }

    /** Of the languages a drama needs in the country, those a person must approve before they count. */
    public List<String> approvalLanguages(String country, String originalLanguage) {
        ApprovalRule rule = resolve(country).approval();
        return requiredLanguages(country, originalLanguage).stream().filter(rule::requiredFor).toList();
    }
}
