package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits cue text into {@link MarkupToken}s. WebVTT follows the tokenizer of the "WebVTT cue text parsing rules"
 * in a simplified form ('<' always opens a tag that runs to '>', '&' starts a character reference); SRT only
 * recognises the tags SRT players render ({@link #SRT_TAG_NAMES}) and ASS override blocks; anything else, such as
 * "<3" or "<grins>", is text, as players show it. Linear time.
 */
final class CueTextTokenizer {

    /**
     * The character references the WebVTT syntax names, plus quot/apos. The parser algorithm accepts every HTML
     * named reference; unknown ones stay literal here (documented deviation).
     */
    private static final Map<String, String> NAMED_REFERENCES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "lrm", "\u200E", "rlm", "\u200F", "nbsp", "\u00A0",
            "quot", "\"", "apos", "'");

    private static final int MAX_REFERENCE_LENGTH = 32;

    // Possessive quantifiers: no backtracking, so an unclosed "<abc..." costs one scan, not a quadratic one.
    private static final Pattern SRT_TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*+)([^<>]*+)>");
    /** The informal SRT tag set (the players' de facto subset of HTML). */
    static final Set<String> SRT_TAG_NAMES = Set.of("i", "b", "u", "s", "font");
    private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^{}]*+}");

    private CueTextTokenizer() {
    }

    static List<MarkupToken> tokenize(SubtitleFormat format, String text) {
        return format == SubtitleFormat.WEBVTT ? webVtt(text) : srt(text);
    }

    static List<MarkupToken> webVtt(String s) {
        List<MarkupToken> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                i = appendReference(s, i, text);
            } else if (c == '<') {
                flush(text, tokens);
                int close = s.indexOf('>', i + 1);
                int end = close < 0 ? s.length() : close;
                tokens.add(webVttTag(s.substring(i + 1, end)));
                i = close < 0 ? s.length() : close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, tokens);
        return tokens;
    }

    private static MarkupToken webVttTag(String tag) {
        if (tag.startsWith("/")) {
            return new MarkupToken.EndTag(tag.substring(1).strip().toLowerCase(Locale.ROOT));
        }
        if (!tag.isEmpty() && WebVttTimestamp.isDigit(tag.charAt(0))) {
            return new MarkupToken.Invisible("<" + tag + ">");
        }
        int space = 0;
        while (space < tag.length() && !WebVttCueSettingsParser.isAsciiWhitespace(tag.charAt(space))) {
            space++;
        }
        String nameAndClasses = tag.substring(0, space);
        String annotation = tag.substring(space).strip();
        String[] parts = nameAndClasses.split("\\.", -1);
        List<String> classes = new ArrayList<>();
        for (int k = 1; k < parts.length; k++) {
            if (!parts[k].isEmpty()) {
                classes.add(parts[k]);
            }
        }
        return new MarkupToken.StartTag(parts[0], List.copyOf(classes), annotation);
    }

    /** Decodes the reference starting at '&' if known; otherwise the '&' is literal. Returns the next index. */
    private static int appendReference(String s, int amp, StringBuilder out) {
        int semicolon = -1;
        for (int k = amp + 1; k < s.length() && k <= amp + MAX_REFERENCE_LENGTH; k++) {
            char c = s.charAt(k);
            if (c == ';') {
                semicolon = k;
                break;
            }
            if (!Character.isLetterOrDigit(c) && c != '#') {
                break;
            }
        }
        if (semicolon > amp + 1) {
            String name = s.substring(amp + 1, semicolon);
            String decoded = name.startsWith("#") ? numericReference(name.substring(1)) : NAMED_REFERENCES.get(name);
            if (decoded != null) {
                out.append(decoded);
                return semicolon + 1;
            }
        }
        out.append('&');
        return amp + 1;
    }

    private static String numericReference(String digits) {
        try {
            int codePoint = digits.startsWith("x") || digits.startsWith("X")
                    ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
            if (codePoint <= 0 || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                return "\uFFFD";
            }
            return new String(Character.toChars(codePoint));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<MarkupToken> srt(String s) {
        List<MarkupToken> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher tag = SRT_TAG.matcher(s);
        Matcher ass = ASS_OVERRIDE.matcher(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<' && tag.region(i, s.length()).lookingAt()
                    && SRT_TAG_NAMES.contains(tag.group(2).toLowerCase(Locale.ROOT))) {
                flush(text, tokens);
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                tokens.add(tag.group(1).isEmpty()
                        ? new MarkupToken.StartTag(name, List.of(), tag.group(3).strip())
                        : new MarkupToken.EndTag(name));
                i = tag.end();
            } else if (c == '{' && ass.region(i, s.length()).lookingAt()) {
                flush(text, tokens);
                tokens.add(new MarkupToken.Invisible(ass.group()));
                i = ass.end();
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, tokens);
        return tokens;
    }

    private static void flush(StringBuilder text, List<MarkupToken> tokens) {
        if (text.length() > 0) {
            tokens.add(new MarkupToken.Text(text.toString()));
            text.setLength(0);
        }
    }
}
