package io.microdrama.gateway.domain;

import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * Language tags as localization-service compares them: canonical BCP 47 (so {@code zh-hant} is {@code zh-Hant}), and a
 * grant covers the same tag or a more specific one ({@code es} covers {@code es-419}, {@code zh-Hant} does not cover
 * {@code zh-Hans}). Kept identical to the service's rule so the gateway never refuses what the service would allow.
 */
public final class LanguageScope {

    private static final int MAX_LENGTH = 35;
    private static final String[] FILE_SUFFIXES = { ".vtt", ".srt", ".json" };

    private LanguageScope() {
    }

    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            if (locale.getLanguage().isEmpty() || locale.getLanguage().equals("und")) {
                return Optional.empty();
            }
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    public static boolean covers(Collection<String> granted, String language) {
        String wanted = canonical(language).orElse(language).toLowerCase(Locale.ROOT);
        return granted.stream()
                .map(grant -> canonical(grant).orElse(grant).toLowerCase(Locale.ROOT))
                .anyMatch(grant -> wanted.equals(grant) || wanted.startsWith(grant + "-"));
    }

    /** A subtitle path segment may name a representation ({@code de.vtt}, {@code de.srt}, {@code de.json}). */
    public static String withoutFileSuffix(String segment) {
        String lower = segment.toLowerCase(Locale.ROOT);
        for (String suffix : FILE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return segment.substring(0, segment.length() - suffix.length());
            }
        }
        return segment;
    }
}
