package io.microdrama.subtitles;

import java.util.List;

/** Everything a QC rule looks at: measured cues in document order, the profile and the episode context. */
record QcTrack(List<MeasuredCue> cues, LanguageProfile profile, QcContext context, boolean profileFallback) {
}
