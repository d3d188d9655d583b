package io.microdrama.subtitles;

import java.util.function.Consumer;

/**
 * Cue duration against the profile: shorter than the minimum is a WARNING, shorter than half of it an ERROR
 * (a flash nobody can read); longer than the maximum a WARNING, longer than twice the maximum an ERROR (almost
 * always a typo in the end time).
 */
final class DurationRule implements QcRule {

    static final double ERROR_BELOW_FRACTION_OF_MINIMUM = 0.5;
    static final double ERROR_ABOVE_MULTIPLE_OF_MAXIMUM = 2.0;

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        long min = track.profile().minDurationMs();
        long max = track.profile().maxDurationMs();
        for (MeasuredCue m : track.cues()) {
            long duration = m.durationMs();
            if (duration <= 0) {
                continue; // reported by CueContentRule
            }
            if (duration < min) {
                Severity severity = duration < min * ERROR_BELOW_FRACTION_OF_MINIMUM ? Severity.ERROR
                        : Severity.WARNING;
                out.accept(QcFinding.forCue(severity, QcCode.DURATION_TOO_SHORT, m.cue(),
                        "cue lasts " + QcRule.seconds(duration) + "; the minimum is " + QcRule.seconds(min)));
            } else if (duration > max) {
                Severity severity = duration > max * ERROR_ABOVE_MULTIPLE_OF_MAXIMUM ? Severity.ERROR
                        : Severity.WARNING;
                out.accept(QcFinding.forCue(severity, QcCode.DURATION_TOO_LONG, m.cue(),
                        "cue lasts " + QcRule.seconds(duration) + "; the maximum is " + QcRule.seconds(max)));
            }
        }
    }
}
