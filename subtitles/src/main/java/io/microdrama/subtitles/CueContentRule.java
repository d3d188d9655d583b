package io.microdrama.subtitles;

import java.util.function.Consumer;

/** Cues a viewer cannot see: nothing visible (ERROR) or a time span that is empty or negative (ERROR). */
final class CueContentRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        for (MeasuredCue m : track.cues()) {
            Cue cue = m.cue();
            if (cue.startMs() < 0 || cue.endMs() <= cue.startMs()) {
                out.accept(QcFinding.forCue(Severity.ERROR, QcCode.INVALID_TIMING, cue,
                        "end time must be after start time"));
            }
            if (m.empty()) {
                out.accept(QcFinding.forCue(Severity.ERROR, QcCode.EMPTY_CUE, cue, "cue has no visible text"));
            }
        }
    }
}
