package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cues in start order: a cue starting before an earlier one has ended overlaps it (ERROR: two subtitles stack on
 * a small vertical screen); a gap shorter than the profile's minimum in frames is a WARNING (the eye needs it to
 * notice a new subtitle; Netflix: 2 frames).
 */
final class SequenceRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        List<MeasuredCue> ordered = new ArrayList<>(track.cues());
        ordered.sort(Comparator.comparingLong((MeasuredCue m) -> m.cue().startMs())
                .thenComparingInt(m -> m.cue().number()));
        int frames = track.profile().minGapFrames();
        long minGap = track.context().minGapMs(frames);
        Cue latestEnding = null;
        for (MeasuredCue m : ordered) {
            Cue cue = m.cue();
            if (latestEnding != null) {
                long gap = cue.startMs() - latestEnding.endMs();
                if (gap < 0) {
                    out.accept(QcFinding.forCue(Severity.ERROR, QcCode.CUE_OVERLAP, cue,
                            "cue overlaps cue " + latestEnding.number() + " by " + QcRule.seconds(-gap)));
                } else if (gap < minGap) {
                    out.accept(QcFinding.forCue(Severity.WARNING, QcCode.GAP_TOO_SHORT, cue,
                            "gap after cue " + latestEnding.number() + " is " + gap + " ms; the minimum is "
                                    + frames + " frames (" + minGap + " ms at "
                                    + QcRule.number(track.context().frameRate()) + " fps)"));
                }
            }
            if (latestEnding == null || cue.endMs() > latestEnding.endMs()) {
                latestEnding = cue;
            }
        }
    }
}
