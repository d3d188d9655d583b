package io.microdrama.subtitles;

import java.util.Locale;

/**
 * How a language counts characters for line length and reading speed (Netflix: spaces and punctuation count).
 * Invisible format characters (bidi marks and isolates, ZWJ/ZWNJ, soft hyphen) never count, so adding the bidi
 * marks we ask RTL vendors for cannot push a line over its limit.
 */
public enum CountRule {
    /** Unicode code points after NFC normalization (so a decomposed "é" is one). */
    CODE_POINTS("codepoints"),
    /** Extended grapheme clusters: a base letter with its vowel signs, tone marks or harakat is one. */
    GRAPHEMES("graphemes"),
    /** Japanese/Chinese: full-width characters 1, half-width (ASCII, Latin, half-width forms) 0.5. */
    CJK_WIDTH("cjk-width"),
    /** Korean: Hangul (and Han, kana, full-width forms) 1; Latin, digits, spaces and punctuation 0.5. */
    HANGUL_WIDTH("hangul-width");

    private final String csvName;

    CountRule(String csvName) {
        this.csvName = csvName;
    }

    public String csvName() {
        return csvName;
    }

    static CountRule fromCsv(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (CountRule rule : values()) {
            if (rule.csvName.equals(v)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown count rule '" + value + "'");
    }
}
