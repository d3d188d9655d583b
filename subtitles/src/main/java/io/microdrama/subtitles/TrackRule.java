package io.microdrama.subtitles;

import java.util.function.Consumer;

/** Track-level facts: no cues at all (ERROR); no profile for the language (WARNING, default limits applied). */
final class TrackRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        if (track.cues().isEmpty()) {
            out.accept(QcFinding.forTrack(Severity.ERROR, QcCode.TRACK_EMPTY, "the track contains no cues"));
        }
        if (track.profileFallback()) {
            out.accept(QcFinding.forTrack(Severity.WARNING, QcCode.PROFILE_FALLBACK,
                    "no QC profile for language '" + track.context().language() + "'; default limits applied"));
        }
    }
}
