package io.microdrama.console.view;

import io.microdrama.subtitles.CharacterCounter;
import io.microdrama.subtitles.Cue;
import io.microdrama.subtitles.CueMarkup;
import io.microdrama.subtitles.CueSettings;
import io.microdrama.subtitles.LanguageProfile;
import io.microdrama.subtitles.LanguageProfiles;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.WebVttParser;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * One cue of a track as a viewer sees it on a 9:16 phone: its visible lines (markup removed, with the platform's own
 * WebVTT parser), the writing direction of the language (right-to-left for Arabic, Hebrew, ...), where the cue sits
 * (bottom unless its {@code line} setting moves it up) and its alignment, and which lines are longer than the
 * language's line limit (they wrap on the phone). The phone's width wraps lines the way a narrow screen does.
 */
public final class CuePreview {

    private static final LanguageProfiles PROFILES = LanguageProfiles.loadDefault();

    private CuePreview() {
    }

    @TemplateData
    public record CueLink(int number, String start, String end, boolean selected) {
    }

    @TemplateData
    public record Preview(String language, String direction, int maxCharsPerLine, List<CueLink> cues, int number,
            String start, String end, List<String> lines, String position, String align, List<String> longLines) {

        public boolean empty() {
            return cues.isEmpty();
        }
    }

    /** {@code cueNumber} null or unknown: the first cue. */
    public static Preview of(String webVtt, String language, Integer cueNumber) {
        SubtitleDocument document = new WebVttParser().parse(webVtt);
        LanguageProfile profile = PROFILES.resolve(language);
        List<Cue> cues = document.cues();
        Cue selected = cues.stream().filter(cue -> cueNumber != null && cue.number() == cueNumber).findFirst()
                .orElse(cues.isEmpty() ? null : cues.get(0));
        List<CueLink> links = new ArrayList<>();
        for (Cue cue : cues) {
            links.add(new CueLink(cue.number(), Views.timestamp(cue.startMs()), Views.timestamp(cue.endMs()), cue == selected));
        }
        String direction = profile.rtl() ? "rtl" : "ltr";
        if (selected == null) {
            return new Preview(language, direction, profile.maxCharsPerLine(), List.of(), 0, "", "", List.of(), "bottom",
                    "center", List.of());
        }
        List<String> lines = CueMarkup.measurableLines(SubtitleFormat.WEBVTT, selected.text());
        List<String> longLines = new ArrayList<>();
        for (String line : lines) {
            double length = CharacterCounter.count(line, profile.countRule());
            if (length > profile.maxCharsPerLine()) {
                longLines.add(line + " (" + Math.round(length) + " of " + profile.maxCharsPerLine() + " characters)");
            }
        }
        return new Preview(language, direction, profile.maxCharsPerLine(), List.copyOf(links), selected.number(),
                Views.timestamp(selected.startMs()), Views.timestamp(selected.endMs()), List.copyOf(lines),
                position(selected.settings()), align(selected.settings()), List.copyOf(longLines));
    }

    /** A line setting in the upper half (percent below 50, or a non-negative line number) puts the cue at the top. */
    static String position(CueSettings settings) {
        Double line = settings.line();
        if (line == null) {
            return "bottom";
        }
        boolean top = settings.linePercentage() ? line < 50 : line >= 0;
        return top ? "top" : "bottom";
    }

    static String align(CueSettings settings) {
        if (settings.align() == null) {
            return "center";
        }
        return switch (settings.align()) {
            case START -> "start";
            case END -> "end";
            case LEFT -> "left";
            case RIGHT -> "right";
            case CENTER -> "center";
        };
    }
}
