package io.microdrama.gateway.domain;

import io.microdrama.contracts.languages.LanguageTags;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The language part of a request as the gateway checks it. What a language tag is and which grant covers it is the
 * platform's one rule, {@link LanguageTags} in contracts, the same one localization-service applies: the gateway
 * checks a localizer's scope only for tags the service accepts, and never refuses what the service would allow.
 */
public final class LanguageScope {

    private static final String[] FILE_SUFFIXES = { ".vtt", ".srt", ".json" };

    private LanguageScope() {
    }

    /** The canonical tag, or empty when the service would refuse it as no language tag (it answers 400 itself). */
    public static Optional<String> canonical(String tag) {
        return LanguageTags.parse(tag);
    }

    public static boolean covers(Collection<String> granted, String language) {
        return LanguageTags.covers(granted, language);
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
