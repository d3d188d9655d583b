package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the QC rules for a track against the profile of its language.
 *
 * <p>Severities and thresholds (also in docs/subtitles.md):
 * <ul>
 *   <li>ERROR: no cues; empty cue; end not after start; line longer than the profile limit (vertical limit for
 *       9:16); more lines than allowed; overlapping cues; cue starting at/after the episode end; reading speed
 *       more than 20% over the limit; duration under half the minimum or over twice the maximum; RTL profile but
 *       no RTL characters.</li>
 *   <li>WARNING: reading speed over the limit by up to 20%; duration under the minimum or over the maximum;
 *       gap under the minimum frames; cue ending after the episode end; mixed-direction line without bidi marks;
 *       italics where the profile has none; default profile used.</li>
 * </ul>
 * Parse findings count too: a parse ERROR (a dropped cue) fails the track.
 */
public final class QualityControl {

    private static final List<QcRule> RULES = List.of(
            new TrackRule(),
            new CueContentRule(),
            new LineLengthRule(),
            new LineCountRule(),
            new DurationRule(),
            new SequenceRule(),
            new ReadingSpeedRule(),
            new EpisodeBoundsRule(),
            new BidiRule(),
            new ItalicsRule());

    private final LanguageProfiles profiles;

    public QualityControl(LanguageProfiles profiles) {
        this.profiles = profiles;
    }

    public QcReport check(SubtitleDocument document, QcContext context) {
        LanguageProfile profile = profiles.resolve(context.language());
        boolean fallback = profiles.find(context.language()).isEmpty();
        List<MeasuredCue> measured = new ArrayList<>(document.cues().size());
        for (Cue cue : document.cues()) {
            measured.add(MeasuredCue.measure(cue, document.format(), profile.countRule()));
        }
        QcTrack track = new QcTrack(measured, profile, context, fallback);
        List<QcFinding> findings = new ArrayList<>();
        for (QcRule rule : RULES) {
            rule.check(track, findings::add);
        }
        // Track-level first (null start), then by time; stable within a cue.
        findings.sort(Comparator.comparing(QcFinding::startMs, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(QcFinding::cueNumber, Comparator.nullsFirst(Comparator.naturalOrder())));
        int errors = 0;
        int warnings = 0;
        for (QcFinding f : findings) {
            errors += f.severity() == Severity.ERROR ? 1 : 0;
            warnings += f.severity() == Severity.WARNING ? 1 : 0;
        }
        for (ParseFinding f : document.findings()) {
            errors += f.severity() == Severity.ERROR ? 1 : 0;
            warnings += f.severity() == Severity.WARNING ? 1 : 0;
        }
        return new QcReport(errors > 0 ? QcVerdict.QC_FAILED : QcVerdict.ACCEPTED, errors, warnings,
                context.language(), profile.language(), context.vertical(), context.frameRate(), findings,
                document.findings());
    }
}
