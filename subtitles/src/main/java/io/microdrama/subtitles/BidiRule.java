package io.microdrama.subtitles;

import java.util.function.Consumer;

/**
 * Right-to-left tracks. A line mixing strong RTL and LTR characters without any bidi mark or isolate
 * (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069) is a WARNING: punctuation and Latin words are then
 * placed by the player's guess (WebVTT takes the paragraph direction from the first strong character). A track
 * with no RTL character at all is an ERROR: it is almost certainly the wrong language.
 */
final class BidiRule implements QcRule {

    @Override
    public void check(QcTrack track, Consumer<QcFinding> out) {
        if (!track.profile().rtl()) {
            return;
        }
        boolean anyRtl = false;
        boolean anyText = false;
        for (MeasuredCue m : track.cues()) {
            anyText |= !m.empty();
            for (int i = 0; i < m.lines().size(); i++) {
                LineDirections d = LineDirections.of(m.lines().get(i));
                anyRtl |= d.rtl;
                if (d.rtl && d.ltr && !d.bidiControl) {
                    out.accept(QcFinding.forCue(Severity.WARNING, QcCode.BIDI_MARKS_MISSING, m.cue(),
                            "line " + (i + 1) + " mixes right-to-left and left-to-right text without bidi marks"
                                    + " (U+200F RLM / U+200E LRM) or isolates (U+2066-U+2069)"));
                    break;
                }
            }
        }
        if (anyText && !anyRtl) {
            out.accept(QcFinding.forTrack(Severity.ERROR, QcCode.NO_RTL_TEXT,
                    "the '" + track.profile().language() + "' profile is right-to-left but the track contains no"
                            + " right-to-left characters: wrong language?"));
        }
    }

    private record LineDirections(boolean rtl, boolean ltr, boolean bidiControl) {

        static LineDirections of(String line) {
            boolean rtl = false;
            boolean ltr = false;
            boolean control = false;
            int i = 0;
            while (i < line.length()) {
                int cp = line.codePointAt(i);
                i += Character.charCount(cp);
                byte direction = Character.getDirectionality(cp);
                rtl |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
                ltr |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
                control |= isBidiControl(cp);
            }
            return new LineDirections(rtl, ltr, control);
        }

        private static boolean isBidiControl(int cp) {
            return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069);
        }
    }
}
