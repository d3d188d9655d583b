package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.List;

/**
 * What a viewer reads from a cue: tags removed, WebVTT character references decoded, each line trimmed and empty
 * lines dropped (leading/trailing spaces are invisible in centred subtitles). QC measures this, never the markup,
 * and the round-trip guarantee of the writers is stated on it.
 */
public final class CueMarkup {

    private CueMarkup() {
    }

    /** Visible text including ruby annotations, lines joined with '\n'. */
    public static String visibleText(SubtitleFormat format, String text) {
        return String.join("\n", visibleLines(format, text, true));
    }

    /** Visible lines without ruby annotations ({@code <rt>}), which sit above the line and take no line width. */
    public static List<String> measurableLines(SubtitleFormat format, String text) {
        return visibleLines(format, text, false);
    }

    /** True when the cue italicises something: {@code <i>} in both formats, {@code {\i1}} in SRT. */
    public static boolean usesItalics(SubtitleFormat format, String text) {
        for (MarkupToken token : CueTextTokenizer.tokenize(format, text)) {
            if (token instanceof MarkupToken.StartTag tag && tag.name().equals("i")) {
                return true;
            }
            if (token instanceof MarkupToken.Invisible invisible && invisible.raw().contains("\\i1")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> visibleLines(SubtitleFormat format, String text, boolean includeRuby) {
        StringBuilder visible = new StringBuilder();
        boolean inRubyText = false;
        for (MarkupToken token : CueTextTokenizer.tokenize(format, text)) {
            if (token instanceof MarkupToken.Text t) {
                if (includeRuby || !inRubyText) {
                    visible.append(t.value());
                }
            } else if (token instanceof MarkupToken.StartTag tag && tag.name().equals("rt")) {
                inRubyText = true;
            } else if (token instanceof MarkupToken.EndTag tag
                    && (tag.name().equals("rt") || tag.name().equals("ruby"))) {
                inRubyText = false;
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : visible.toString().split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
