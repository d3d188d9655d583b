package io.microdrama.subtitles;

import java.util.List;

/**
 * QC result for one track; a plain record so the service can return it as JSON as is.
 *
 * @param verdict         QC_FAILED when errorCount > 0
 * @param errorCount      ERROR findings, QC and parse together
 * @param warningCount    WARNING findings, QC and parse together (parse INFO findings are not counted)
 * @param language        language tag QC was asked for
 * @param profileLanguage language of the profile applied ("und" when the default was used)
 * @param vertical        whether vertical (9:16) limits were applied
 * @param frameRate       frame rate used for frame-based rules
 * @param findings        QC findings, track-level first, then by cue start time
 * @param parseFindings   what the parser skipped or tolerated
 */
public record QcReport(QcVerdict verdict, int errorCount, int warningCount, String language, String profileLanguage,
                       boolean vertical, double frameRate, List<QcFinding> findings,
                       List<ParseFinding> parseFindings) {

    public QcReport {
        findings = List.copyOf(findings);
        parseFindings = List.copyOf(parseFindings);
    }
}
