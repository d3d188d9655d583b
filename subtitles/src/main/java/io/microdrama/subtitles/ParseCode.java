package io.microdrama.subtitles;

/**
 * Codes of parse findings, each with its severity. The rule of thumb: ERROR when a cue was lost, WARNING when the
 * file breaks its format's rules in a way some players would not tolerate, INFO for harmless deviations.
 */
public enum ParseCode {
    // --- WebVTT (W3C parser algorithm) ---
    /** The header line was not followed by a blank line; the next block started right away. */
    VTT_HEADER_NOT_TERMINATED(Severity.WARNING),
    /** A line with "-->" that the "collect WebVTT cue timings and settings" algorithm rejects; cue skipped. */
    VTT_TIMING_INVALID(Severity.ERROR),
    /** SRT-style comma before the milliseconds: invalid in WebVTT, browsers skip the cue, so do we. */
    VTT_TIMESTAMP_COMMA(Severity.ERROR),
    /** One-digit hours: invalid syntax but accepted by the parser algorithm (and browsers). */
    VTT_HOURS_SINGLE_DIGIT(Severity.WARNING),
    /** No space or tab around "-->": invalid syntax but accepted by the parser algorithm. */
    VTT_ARROW_WHITESPACE(Severity.WARNING),
    /** End time not after start time; cue dropped. */
    VTT_END_NOT_AFTER_START(Severity.ERROR),
    /** Start time before the previous cue's start: the syntax forbids it, players sort. Kept. */
    VTT_CUE_OUT_OF_ORDER(Severity.WARNING),
    /** Cue identifiers must be unique. Kept. */
    VTT_DUPLICATE_CUE_ID(Severity.WARNING),
    /** Cue setting token without name:value shape, or with a value the algorithm rejects; that setting ignored. */
    VTT_SETTING_INVALID(Severity.WARNING),
    /** Unknown cue setting name; ignored. */
    VTT_SETTING_UNKNOWN(Severity.WARNING),
    /** A cue setting given twice; the last valid one wins as in the algorithm. */
    VTT_SETTING_DUPLICATE(Severity.WARNING),
    /** region:id naming no REGION block defined before; the cue is not in a region. */
    VTT_REGION_UNKNOWN(Severity.WARNING),
    /** region: given together with vertical/line/size, which take the cue out of the region. */
    VTT_REGION_IGNORED(Severity.INFO),
    /** A cue text line contained "-->": it ends the cue and is parsed as the start of the next block. */
    VTT_CUE_TEXT_CONTAINS_ARROW(Severity.WARNING),
    /** A STYLE block after the first cue; ignored as the algorithm does. */
    VTT_STYLE_AFTER_CUE(Severity.WARNING),
    /** A REGION block after the first cue; ignored as the algorithm does. */
    VTT_REGION_AFTER_CUE(Severity.WARNING),
    /** A block that is neither cue, NOTE, STYLE nor REGION (typically a cue whose timing line is missing). */
    VTT_BLOCK_IGNORED(Severity.WARNING),
    /** A NOTE block whose second line contains "-->" becomes a cue with the identifier "NOTE...". */
    VTT_NOTE_PARSED_AS_CUE(Severity.WARNING),

    // --- SRT (tolerant parser) ---
    /** A line that looks like a timing line but cannot be read; the cue and its text are dropped. */
    SRT_TIMING_INVALID(Severity.ERROR),
    /** End time not after start time; cue dropped. */
    SRT_END_NOT_AFTER_START(Severity.ERROR),
    /** Start time before the previous cue's start. Kept. */
    SRT_CUE_OUT_OF_ORDER(Severity.WARNING),
    /** '.' instead of ',' before the milliseconds. Accepted. */
    SRT_DOT_DECIMAL(Severity.WARNING),
    /** Hours with one digit (or more than two). Accepted. */
    SRT_HOURS_DIGITS(Severity.WARNING),
    /** Extra or missing spaces around the timing line or index. Accepted. */
    SRT_NONSTANDARD_WHITESPACE(Severity.INFO),
    /** Text after the end time (e.g. legacy X1:/Y1: coordinates). Ignored. */
    SRT_TIMING_TRAILING_TEXT(Severity.WARNING),
    /** No index line before the timing line. Accepted. */
    SRT_MISSING_INDEX(Severity.WARNING),
    /** Index line is not a number. Kept as identifier. */
    SRT_NON_NUMERIC_INDEX(Severity.WARNING),
    /** Index not previous + 1. Harmless: we renumber on output. */
    SRT_INDEX_OUT_OF_SEQUENCE(Severity.INFO),
    /** No blank line between the previous cue's text and this cue. Accepted. */
    SRT_MISSING_BLANK_LINE(Severity.WARNING),
    /** Blank line(s) inside a cue's text, removed (SRT cannot represent them). */
    SRT_BLANK_LINE_IN_CUE(Severity.WARNING),
    /** The file does not end with a blank line. The last cue is kept. */
    SRT_MISSING_FINAL_BLANK_LINE(Severity.INFO),
    /** Non-blank text before the first cue; ignored. */
    SRT_TEXT_OUTSIDE_CUE(Severity.WARNING);

    private final Severity severity;

    ParseCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
