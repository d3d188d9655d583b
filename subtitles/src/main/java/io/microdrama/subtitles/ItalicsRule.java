package io.microdrama.subtitles;

import java.util.function.Consumer;

/** Italics in a language whose style guide has none (ar, ko, zh...): WARNING, players may fake-slant the glyphs. */
final class ItalicsRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        if (track.profile().italicsAllowed()) {
            return;
        }
        for (MeasuredCue m : track.cues()) {
            if (m.italics()) {
                out.accept(QcFinding.forCue(Severity.WARNING, QcCode.ITALICS_NOT_ALLOWED, m.cue(),
                        "italics are not used in '" + track.profile().language() + "' subtitles"));
            }
        }
    }
}
