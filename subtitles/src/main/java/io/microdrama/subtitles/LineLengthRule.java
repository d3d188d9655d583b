package io.microdrama.subtitles;

import java.util.function.Consumer;

/**
 * Line length under the profile's count rule, against the vertical limit for 9:16 pictures and the horizontal
 * one otherwise. The profile limits are hard limits (Netflix treats them so): any excess is an ERROR.
 */
final class LineLengthRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        boolean vertical = track.context().vertical();
        int limit = track.profile().lineLimit(vertical);
        for (MeasuredCue m : track.cues()) {
            for (int i = 0; i < m.lineLengths().length; i++) {
                double length = m.lineLengths()[i];
                if (length > limit) {
                    out.accept(QcFinding.forCue(Severity.ERROR, QcCode.LINE_TOO_LONG, m.cue(),
                            "line " + (i + 1) + " has " + QcRule.number(length) + " characters ("
                                    + track.profile().countRule().csvName() + "); the limit is " + limit
                                    + (vertical ? " for vertical 9:16 video" : "")));
                }
            }
        }
    }
}
