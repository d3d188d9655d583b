package io.microdrama.localization.domain;

import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleFormat;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored subtitle track of (drama, episode, language) as read: the parsed document (deliverable as WebVTT or SRT),
 * its QC report and verdict, who uploaded it and a hash of the body, and the decision a person made on it (null: none
 * since the last upload with other bytes).
 */
public record Track(UUID dramaId, int episode, String language, QcVerdict status, long revision,
        SubtitleFormat sourceFormat, int cues, int errorCount, int warningCount, String uploadedBy, String uploadedByRole,
        String sha256, int bytes, Instant createdAt, Instant updatedAt, SubtitleDocument document, QcReport report,
        Approval approval) {
}
