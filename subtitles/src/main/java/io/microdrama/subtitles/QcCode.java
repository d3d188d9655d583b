package io.microdrama.subtitles;

/** Codes of QC findings. Severity is decided by each rule (see {@link QualityControl} for thresholds). */
public enum QcCode {
    TRACK_EMPTY,
    PROFILE_FALLBACK,
    EMPTY_CUE,
    INVALID_TIMING,
    LINE_TOO_LONG,
    TOO_MANY_LINES,
    DURATION_TOO_SHORT,
    DURATION_TOO_LONG,
    GAP_TOO_SHORT,
    CUE_OVERLAP,
    READING_SPEED_TOO_HIGH,
    CUE_AFTER_EPISODE_END,
    CUE_ENDS_AFTER_EPISODE,
    BIDI_MARKS_MISSING,
    NO_RTL_TEXT,
    ITALICS_NOT_ALLOWED
}
