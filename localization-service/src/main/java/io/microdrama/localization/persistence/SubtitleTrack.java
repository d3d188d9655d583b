package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.Approval;
import io.microdrama.localization.domain.Track;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The latest upload of one (drama, episode, language): the parsed document (normalised cues, deliverable as WebVTT
 * or SRT), its QC report and verdict, who uploaded it and a hash of the body, so re-sending the same file is a no-op.
 */
@Entity
@Table(name = "subtitle_track")
public class SubtitleTrack {

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public QcVerdict status;
    @Enumerated(EnumType.STRING)
    @Column(name = "source_format")
    public SubtitleFormat sourceFormat;
    @Convert(converter = JsonColumns.Document.class)
    public SubtitleDocument document;
    @Column(name = "cue_count")
    public int cueCount;
    @Convert(converter = JsonColumns.Report.class)
    @Column(name = "qc_report")
    public QcReport qcReport;
    @Column(name = "error_count")
    public int errorCount;
    @Column(name = "warning_count")
    public int warningCount;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_by_role")
    public String uploadedByRole;
    @Column(name = "body_sha256")
    public String bodySha256;
    @Column(name = "body_bytes")
    public int bodyBytes;
    public long revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The latest decision of a person on this track (null: none since the last upload with other bytes). */
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_decision")
    public Approval.Decision approvalDecision;
    @Column(name = "approval_comment")
    public String approvalComment;
    @Column(name = "approval_by")
    public String approvalBy;
    @Column(name = "approval_by_role")
    public String approvalByRole;
    @Column(name = "approval_at")
    public Instant approvalAt;
    @Column(name = "approval_revision")
    public Long approvalRevision;
    @Column(name = "approval_sha256")
    public String approvalSha256;

    @Embeddable
    public record Key(@Column(name = "drama_id") UUID dramaId, @Column(name = "episode_number") int episode,
            String language) implements Serializable {
    }

    /** Who sent an upload, from the token: subject (user or service account) and the role it acted in. */
    public record Uploader(String subject, String role) {
    }

    public static SubtitleTrack first(Key key, Instant now) {
        SubtitleTrack track = new SubtitleTrack();
        track.key = key;
        track.createdAt = now;
        return track;
    }

    public Track snapshot() {
        return new Track(key.dramaId(), key.episode(), key.language(), status, revision, sourceFormat, cueCount, errorCount,
                warningCount, uploadedBy, uploadedByRole, bodySha256, bodyBytes, createdAt, updatedAt, document, qcReport,
                approval());
    }

    /** The decision the track carries, or null. */
    public Approval approval() {
        return approvalDecision == null ? null : new Approval(approvalDecision, approvalComment, approvalBy, approvalByRole,
                approvalAt, approvalRevision, approvalSha256);
    }

    /** Records a decision on the current revision (the caller judged it with {@link Approval#judge}). */
    public void decide(Approval.Decision decision, String comment, String by, String role, Instant now) {
        approvalDecision = decision;
        approvalComment = comment == null || comment.isBlank() ? null : comment;
        approvalBy = by;
        approvalByRole = role;
        approvalAt = now;
        approvalRevision = revision;
        approvalSha256 = bodySha256;
    }

    private void dropApproval() {
        approvalDecision = null;
        approvalComment = null;
        approvalBy = null;
        approvalByRole = null;
        approvalAt = null;
        approvalRevision = null;
        approvalSha256 = null;
    }

    public boolean sameBody(String sha256) {
        return sha256.equals(bodySha256);
    }

    /**
     * QC again against a changed episode (a re-published drama whose episode got shorter or longer). The upload is the
     * same, so the revision stays; the verdict may change. Returns true when it did.
     */
    public boolean recheck(QcReport report, Instant now) {
        boolean verdictChanged = report.verdict() != status;
        status = report.verdict();
        qcReport = report;
        errorCount = report.errorCount();
        warningCount = report.warningCount();
        updatedAt = now;
        return verdictChanged;
    }

    /** Replaces the track with a new upload (other bytes): the next revision, which no earlier decision covers. */
    public void replace(SubtitleDocument parsed, QcReport report, Uploader uploader, String sha256, int bytes, Instant now) {
        status = report.verdict();
        sourceFormat = parsed.format();
        document = parsed;
        cueCount = parsed.cues().size();
        qcReport = report;
        errorCount = report.errorCount();
        warningCount = report.warningCount();
        uploadedBy = uploader.subject();
        uploadedByRole = uploader.role();
        bodySha256 = sha256;
        bodyBytes = bytes;
        revision++;
        updatedAt = now;
        dropApproval();
    }
}
