package io.microdrama.subtitles;

/**
 * Something a writer could not carry over to the target format (e.g. a font colour WebVTT has no class for).
 *
 * @param cueNumber number of the cue in the written document
 */
public record ConversionFinding(int cueNumber, Code code, String message) {

    public enum Code {
        /** SRT {@code <font>} without a colour WebVTT has a default class for (face, size, other colours). */
        FONT_DROPPED,
        /** A tag the target format does not have (SRT {@code <s>}); its text is kept. */
        TAG_DROPPED,
        /** SRT {@code {\an8}}-style ASS override codes; WebVTT positioning must be set with cue settings. */
        ASS_OVERRIDE_DROPPED,
        /** WebVTT ruby written as "base(annotation)" in SRT. */
        RUBY_FLATTENED,
        /** A cue identifier WebVTT cannot hold (contains "-->" or a line break). */
        IDENTIFIER_DROPPED,
        /** Empty text lines (SRT: blank ones) removed: they would end the cue in the target format. */
        BLANK_LINE_REMOVED,
        /** SRT text line that would read as a timing line; its "-->" became "->". */
        ARROW_REPLACED
    }
}
