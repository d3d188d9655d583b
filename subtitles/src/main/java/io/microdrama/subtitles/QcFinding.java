package io.microdrama.subtitles;

/**
 * One QC problem. Track-level findings have null cue number and times.
 *
 * @param severity ERROR (fails the track) or WARNING
 */
public record QcFinding(Severity severity, QcCode code, Integer cueNumber, Long startMs, Long endMs,
                        String message) {

    static QcFinding forCue(Severity severity, QcCode code, Cue cue, String message) {
        return new QcFinding(severity, code, cue.number(), cue.startMs(), cue.endMs(), message);
    }

    static QcFinding forTrack(Severity severity, QcCode code, String message) {
        return new QcFinding(severity, code, null, null, null, message);
    }
}
