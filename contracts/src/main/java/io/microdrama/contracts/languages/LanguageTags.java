package io.microdrama.contracts.languages;

import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's one rule for language tags: what a studio may write (a drama's original language, a localized title,
 * a subtitle file), what localization stores, plans and matches, and what the gateway checks a localizer's
 * {@code languages} against. Used by catalog, studio-push, localization and the gateway, so a tag valid in one place
 * is valid in all of them.
 * <p>
 * A tag is accepted when it is
 * <ul>
 *   <li>well-formed BCP 47 (RFC 5646 syntax, checked by {@link Locale.Builder}), with no surrounding whitespace;</li>
 *   <li>at most {@value #MAX_LENGTH} characters, written and canonical (the database columns are VARCHAR(35),
 *       RFC 5646's recommended minimum buffer);</li>
 *   <li>about a language a viewer can read: a two-letter ISO 639-1 code, or a three-letter code the JDK has a name
 *       for ({@code fil}, {@code yue}). Well-formed is not enough: {@code qq}, {@code qqq} and {@code english} are
 *       well-formed but name no language; {@code und}, private use ({@code x-klingon}) and the special codes
 *       {@code mul}, {@code mis}, {@code zxx} name no language a subtitle could be in.</li>
 * </ul>
 * Accepted tags are compared in canonical case ({@code zh-hant} is {@code zh-Hant}); {@code es-419} and {@code es-ES}
 * stay different deliverables.
 */
public final class LanguageTags {

    /** Longest tag accepted (the database columns are VARCHAR(35)). */
    public static final int MAX_LENGTH = 35;

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    /** ISO 639 codes for "undetermined", "multiple", "uncoded" and "no linguistic content". */
    private static final Set<String> NOT_A_LANGUAGE = Set.of("und", "mul", "mis", "zxx");

    private LanguageTags() {
    }

    /** The canonical spelling of the tag ({@code pt-br} becomes {@code pt-BR}), or empty when it is not accepted. */
    public static Optional<String> parse(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            if (!readableLanguage(language, locale)) {
                return Optional.empty();
            }
            String canonical = locale.toLanguageTag();
            return canonical.length() > MAX_LENGTH ? Optional.empty() : Optional.of(canonical);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    private static boolean readableLanguage(String language, Locale locale) {
        return switch (language.length()) {
            case 2 -> ISO_639_1.contains(language);
            // The JDK answers the code itself when it has no name for it.
            case 3 -> !NOT_A_LANGUAGE.contains(language) && !language.equals(locale.getDisplayLanguage(Locale.ENGLISH));
            default -> false; // empty (und, private use) or 4-8 letters (well-formed, none registered)
        };
    }

    public static boolean isKnown(String tag) {
        return parse(tag).isPresent();
    }

    /** The canonical spelling of an accepted tag ({@code zh-hant} becomes {@code zh-Hant}); check {@link #isKnown} first. */
    public static String canonical(String tag) {
        return parse(tag).orElseThrow(() -> new IllegalArgumentException("'" + tag + "' is not an accepted language tag"));
    }

    /**
     * Whether a localizer whose token lists {@code granted} may work on {@code language}: the same tag, or a more
     * specific one ({@code es} covers {@code es-419}; {@code zh-Hant} covers {@code zh-Hant-TW}, not {@code zh-Hans}
     * and not {@code zh}). Compared in canonical form, case-insensitively.
     */
    public static boolean covers(Collection<String> granted, String language) {
        String wanted = parse(language).orElse(language).toLowerCase(Locale.ROOT);
        return granted.stream()
                .map(grant -> parse(grant).orElse(grant).toLowerCase(Locale.ROOT))
                .anyMatch(grant -> wanted.equals(grant) || wanted.startsWith(grant + "-"));
    }

    /** Primary language subtag, e.g. {@code es} for {@code es-419}: audio in that language serves the tag. */
    public static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
