package io.microdrama.localization.domain;

import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;

import java.time.Instant;

/** A track without its document and report, for lists; {@code approval} null when no decision covers it. */
public record TrackSummary(int episode, String language, QcVerdict status, long revision, SubtitleFormat sourceFormat,
        int cues, int errorCount, int warningCount, String uploadedBy, String uploadedByRole, String sha256,
        int bytes, Instant createdAt, Instant updatedAt, Approval approval) {

    /** As the list query reads it: the decision's columns, all null without one. */
    public TrackSummary(int episode, String language, QcVerdict status, long revision, SubtitleFormat sourceFormat,
            int cues, int errorCount, int warningCount, String uploadedBy, String uploadedByRole, String sha256,
            int bytes, Instant createdAt, Instant updatedAt, Approval.Decision decision, String comment, String decidedBy,
            String decidedByRole, Instant decidedAt, Long decidedRevision, String decidedSha256) {
        this(episode, language, status, revision, sourceFormat, cues, errorCount, warningCount, uploadedBy, uploadedByRole,
                sha256, bytes, createdAt, updatedAt, decision == null ? null
                        : new Approval(decision, comment, decidedBy, decidedByRole, decidedAt, decidedRevision, decidedSha256));
    }
}
