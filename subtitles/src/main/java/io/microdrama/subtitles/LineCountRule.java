package io.microdrama.subtitles;

import java.util.function.Consumer;

/** More visible lines than the profile allows (ERROR: covers the picture, and UI overlays in 9:16). */
final class LineCountRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        int max = track.profile().maxLines();
        for (MeasuredCue m : track.cues()) {
            if (m.lines().size() > max) {
                out.accept(QcFinding.forCue(Severity.ERROR, QcCode.TOO_MANY_LINES, m.cue(),
                        "cue has " + m.lines().size() + " lines; the limit is " + max));
            }
        }
    }
}
