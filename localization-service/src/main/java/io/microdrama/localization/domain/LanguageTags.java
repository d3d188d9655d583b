package io.microdrama.localization.domain;

import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * BCP 47 language tags as this service stores and compares them: well-formed (RFC 5646 syntax, checked by
 * {@link Locale.Builder}), with a language subtag of two (a known ISO 639-1 code) or three letters, in canonical case ({@code zh-hant} becomes {@code zh-Hant}).
 * Tracks and plans are matched on the canonical tag exactly: {@code es-419} and {@code es-ES} are different
 * deliverables.
 */
public final class LanguageTags {

    /** Longest tag we store (the database columns are VARCHAR(35), RFC 5646's recommended minimum buffer). */
    public static final int MAX_LENGTH = 35;

    /** Two-letter ISO 639-1 codes the JDK knows; three-letter codes (fil, yue) are only checked for syntax. */
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private LanguageTags() {
    }

    /** The canonical form, or empty when the text is not a usable language tag. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            String language = locale.getLanguage();
            // "und" and private-use-only tags ("x-klingon") name no language a viewer could read; 4-8 letter language
            // subtags are well-formed but none is in use, so "english" is a typo, not a language.
            if (language.length() < 2 || language.length() > 3 || language.equals("und")
                    || (language.length() == 2 && !ISO_639_1.contains(language))) {
                return Optional.empty();
            }
            String canonical = locale.toLanguageTag();
            return canonical.length() > MAX_LENGTH ? Optional.empty() : Optional.of(canonical);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a localizer whose token lists {@code granted} may work on {@code language}: the same tag, or a more
     * specific one ({@code es} covers {@code es-419}; {@code zh-Hant} covers {@code zh-Hant-TW}, not {@code zh-Hans}).
     */
    public static boolean covers(Collection<String> granted, String language) {
        String wanted = language.toLowerCase(Locale.ROOT);
        return granted.stream()
                .map(grant -> canonical(grant).orElse(grant).toLowerCase(Locale.ROOT))
                .anyMatch(grant -> wanted.equals(grant) || wanted.startsWith(grant + "-"));
    }

    /** Primary language subtag, e.g. {@code es} for {@code es-419}. */
    public static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
