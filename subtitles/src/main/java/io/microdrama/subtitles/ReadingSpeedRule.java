package io.microdrama.subtitles;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reading speed: visible characters (profile count rule, spaces and punctuation included, line breaks not) per
 * second of display. Above the profile's adult limit is a WARNING; more than 20% above it an ERROR.
 */
final class ReadingSpeedRule implements QcRule {

    static final double ERROR_ABOVE_FACTOR = 1.2;
    /** Absorbs floating-point noise so that exactly at a limit is within it. */
    private static final double EPSILON = 1e-9;

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        double limit = track.profile().cpsAdult();
        for (MeasuredCue m : track.cues()) {
            if (m.durationMs() <= 0 || m.empty()) {
                continue;
            }
            double cps = m.characters() * 1000.0 / m.durationMs();
            if (cps > limit + EPSILON) {
                Severity severity = cps > limit * ERROR_ABOVE_FACTOR + EPSILON ? Severity.ERROR : Severity.WARNING;
                out.accept(QcFinding.forCue(severity, QcCode.READING_SPEED_TOO_HIGH, m.cue(),
                        "reading speed " + String.format(Locale.ROOT, "%.1f", cps)
                                + " characters/s; the limit is " + QcRule.number(limit)
                                + (severity == Severity.ERROR ? " (more than 20% over)" : "")));
            }
        }
    }
}
