package io.microdrama.localization.domain;

/** One episode of the current drama version: its number and length (for QC's "cue after the episode end"). */
public record EpisodeSpan(int number, long durationMs) {
}
