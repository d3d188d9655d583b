package io.microdrama.subtitles;

import java.util.List;
import java.util.Objects;

/**
 * One timed subtitle event.
 *
 * @param number     1-based position of the cue in its document (our own numbering, gap-free)
 * @param identifier WebVTT cue identifier or the SRT index line as written in the source; null when absent
 * @param startMs    start time in milliseconds
 * @param endMs      end time in milliseconds
 * @param text       cue payload in the markup of the document's format (WebVTT cue text or SRT text with its
 *                   HTML-like tags), lines separated by '\n'. Use {@link CueMarkup} to get what a viewer reads.
 * @param settings   parsed WebVTT cue settings; {@link CueSettings#NONE} for SRT cues
 * @param sourceLine 1-based line of the timing line in the source text (0 for cues built in code)
 */
public record Cue(int number, String identifier, long startMs, long endMs, String text, CueSettings settings,
                  int sourceLine) {

    public Cue {
        Objects.requireNonNull(text, "text");
        settings = settings == null ? CueSettings.NONE : settings;
    }

    /** A cue without identifier and settings, as built by tests or by the service. */
    public static Cue of(int number, long startMs, long endMs, String text) {
        return new Cue(number, null, startMs, endMs, text, CueSettings.NONE, 0);
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** The raw text lines (markup included). */
    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }
}
