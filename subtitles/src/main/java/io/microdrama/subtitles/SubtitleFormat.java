package io.microdrama.subtitles;

/** The two text-track formats we accept from partners and deliver to players. */
public enum SubtitleFormat {
    /** W3C WebVTT (text/vtt), parsed with the W3C parser algorithm. */
    WEBVTT,
    /** SubRip (.srt): no formal spec, parsed tolerantly. */
    SRT
}
