package io.microdrama.subtitles;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts the characters of one visible line (no tags, no line break) under a {@link CountRule}. */
public final class CharacterCounter {

    /**
     * java.util.regex {@code \X} is the extended grapheme cluster of UAX #29 (JDK 17: Unicode 13, so Indic
     * conjuncts joined by a virama still count as two clusters; Unicode 15.1 rule GB9c is not in JDK 17).
     */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /**
     * UAX #15 section 13, Stream-Safe Text Format: no real text has more than 30 combining marks in a row. Longer
     * runs are normalized in pieces of at most this many, as if a U+034F COMBINING GRAPHEME JOINER separated them
     * (the joiner itself is not counted). Normalization reorders a run of marks by their combining class with an
     * insertion sort, so one 500 KB run of mixed accents took tens of seconds; in pieces it is linear.
     */
    static final int MAX_COMBINING_RUN = 30;

    private CharacterCounter() {
    }

    public static double count(String line, CountRule rule) {
        String text = streamSafeNfc(line);
        return switch (rule) {
            case CODE_POINTS -> text.codePoints().filter(cp -> !isInvisible(cp)).count();
            case GRAPHEMES -> graphemes(text);
            case CJK_WIDTH -> weighted(text, false);
            case HANGUL_WIDTH -> weighted(text, true);
        };
    }

    private static double graphemes(String text) {
        int count = 0;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            if (!m.group().codePoints().allMatch(CharacterCounter::isInvisible)) {
                count++;
            }
        }
        return count;
    }

    private static double weighted(String text, boolean korean) {
        double total = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp) || isCombiningMark(cp)) {
                continue;
            }
            if (korean) {
                total += isFullWidthInKorean(cp) ? 1 : 0.5;
            } else {
                total += isHalfWidth(cp) ? 0.5 : 1;
            }
        }
        return total;
    }

    /**
     * NFC of the line, normalized in pieces cut before the 31st, 61st... mark of a run of combining marks. For text
     * without such runs (all real text) this is exactly {@code Normalizer.normalize(line, NFC)}.
     */
    static String streamSafeNfc(String line) {
        StringBuilder pieces = null;
        int pieceStart = 0;
        int run = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            if (isAnyMark(cp)) {
                if (++run > MAX_COMBINING_RUN) {
                    pieces = pieces == null ? new StringBuilder(line.length()) : pieces;
                    pieces.append(Normalizer.normalize(line.substring(pieceStart, i), Normalizer.Form.NFC));
                    pieceStart = i;
                    run = 1;
                }
            } else {
                run = 0;
            }
            i += Character.charCount(cp);
        }
        if (pieces == null) {
            return Normalizer.normalize(line, Normalizer.Form.NFC);
        }
        return pieces.append(Normalizer.normalize(line.substring(pieceStart), Normalizer.Form.NFC)).toString();
    }

    /** Combining marks of any kind (Mn, Mc, Me): a superset of the non-starters UAX #15 counts. */
    private static boolean isAnyMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Format characters (Cf): bidi controls, ZWJ/ZWNJ, BOM, soft hyphen. */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Half-width in Japanese/Chinese typesetting: ASCII, Latin letters, half-width katakana/Hangul/symbols. */
    private static boolean isHalfWidth(int cp) {
        return (cp >= 0x20 && cp <= 0x7E)
                || (cp >= 0xA0 && cp <= 0x24F)
                || (cp >= 0xFF61 && cp <= 0xFFDC)
                || (cp >= 0xFFE8 && cp <= 0xFFEE);
    }

    /** Netflix Korean guide: Hangul counts 1, Latin/space/punctuation 0.5; we give Han, kana, full-width 1 too. */
    private static boolean isFullWidthInKorean(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HANGUL && !(cp >= 0xFFA0 && cp <= 0xFFDC)) {
            return true;
        }
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA) {
            return !(cp >= 0xFF61 && cp <= 0xFF9F);
        }
        return (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x3000 && cp <= 0x303F);
    }
}
