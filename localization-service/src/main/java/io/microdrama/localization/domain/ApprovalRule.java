package io.microdrama.localization.domain;

import io.microdrama.contracts.languages.LanguageTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a person must approve a region's subtitle tracks before they count for readiness: a default for the
 * region's languages, and per language where it differs ({@code {"en": false}} when English needs no sign-off in a
 * region that otherwise requires it). Part of a policy entry; an entry without it requires no approval.
 */
public record ApprovalRule(boolean required, Map<String, Boolean> byLanguage) {

    public static final ApprovalRule NONE = new ApprovalRule(false, Map.of());

    public ApprovalRule {
        // Map.copyOf refuses null keys and values: the api refuses them first (a JSON null is not a decision)
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(byLanguage);
    }

    public static ApprovalRule of(Boolean required, Map<String, Boolean> byLanguage) {
        return new ApprovalRule(Boolean.TRUE.equals(required), byLanguage);
    }

    /** The same rule without exceptions that merely repeat the default ({@code {"de": true}} when required anyway). */
    public ApprovalRule normalized() {
        Map<String, Boolean> differing = new TreeMap<>(byLanguage);
        differing.values().removeIf(value -> value == required);
        return new ApprovalRule(required, differing);
    }

    public boolean requiredFor(String language) {
        return byLanguage.getOrDefault(language, required);
    }

    /** The languages of the list that need approval under this rule, in the list's order. */
    public List<String> needingApproval(List<String> languages) {
        return languages.stream().filter(this::requiredFor).toList();
    }

    /** Per-language exceptions, sorted by tag (for a stable JSON answer and change log). */
    public Map<String, Boolean> sortedByLanguage() {
        return new TreeMap<>(byLanguage);
    }

    /** What is wrong with the rule of an entry with these languages: an exception must name one of them, canonically. */
    public List<String> problems(String region, List<String> languages) {
        List<String> problems = new ArrayList<>();
        byLanguage.forEach((language, required) -> {
            String canonical = LanguageTags.parse(language).orElse(null);
            if (canonical == null) {
                problems.add(region + ": approval names '" + language + "', which is not a BCP 47 language tag");
            } else if (languages != null && !languages.contains(language)) {
                problems.add(region + ": approval names '" + language + "', which is not one of the region's languages");
            }
        });
        return problems;
    }
}
