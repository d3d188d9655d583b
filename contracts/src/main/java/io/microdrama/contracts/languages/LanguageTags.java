package io.microdrama.contracts.languages;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * What a studio may write as a language (a drama's original language, a localized title, a subtitle file): a
 * well-formed BCP 47 tag whose language the JDK knows. Well-formed is not enough ("qq" is well-formed), so a
 * two-letter language must be an ISO 639-1 code and a longer one must have a name. Shared by catalog and
 * studio-push so that a package valid locally is valid on the platform.
 */
public final class LanguageTags {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private LanguageTags() {
    }

    public static boolean isKnown(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            return !language.isEmpty() && (ISO_639_1.contains(language)
                    || !language.equals(locale.getDisplayLanguage(Locale.ENGLISH)));
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The canonical spelling of a known tag ({@code zh-hant} → {@code zh-Hant}). */
    public static String canonical(String tag) {
        return Locale.forLanguageTag(tag).toLanguageTag();
    }
}
