package io.microdrama.subtitles;

import java.util.function.Consumer;

/**
 * Cues beyond the episode: starting at or after its end is an ERROR (never shown: wrong episode or wrong frame
 * rate conversion); only ending after it is a WARNING (the player cuts it; out-times may run a little past audio).
 */
final class EpisodeBoundsRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        Long episodeEnd = track.context().episodeDurationMs();
        if (episodeEnd == null) {
            return;
        }
        for (MeasuredCue m : track.cues()) {
            Cue cue = m.cue();
            if (cue.startMs() >= episodeEnd) {
                out.accept(QcFinding.forCue(Severity.ERROR, QcCode.CUE_AFTER_EPISODE_END, cue,
                        "cue starts after the episode ends at " + QcRule.seconds(episodeEnd)));
            } else if (cue.endMs() > episodeEnd) {
                out.accept(QcFinding.forCue(Severity.WARNING, QcCode.CUE_ENDS_AFTER_EPISODE, cue,
                        "cue ends after the episode ends at " + QcRule.seconds(episodeEnd)));
            }
        }
    }
}
