package io.microdrama.localization.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.microdrama.localization.application.TrackService.BulkResult;
import io.microdrama.localization.application.TrackService.FileResult;
import io.microdrama.localization.application.TrackService.Outcome;
import io.microdrama.localization.application.ApprovalService;
import io.microdrama.localization.domain.Approval;
import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.Track;
import io.microdrama.localization.domain.TrackSummary;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.support.problem.Problem;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the subtitle API. */
public final class TrackViews {

    private TrackViews() {
    }

    /**
     * A track without its cues. {@code report} only where one track is asked for; {@code approval} only when a
     * person's decision covers the current revision (a new upload with other bytes drops it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackView(String dramaId, String externalId, int episode, String language, QcVerdict status,
            long revision, SubtitleFormat sourceFormat, int cues, int errorCount, int warningCount, String uploadedBy,
            String uploadedByRole, String sha256, int bytes, Instant createdAt, Instant updatedAt, ApprovalView approval,
            QcReport report) {

        static TrackView of(DramaSummary drama, Track track, boolean withReport) {
            return new TrackView(drama.id().toString(), drama.externalId(), track.episode(), track.language(),
                    track.status(), track.revision(), track.sourceFormat(), track.cues(), track.errorCount(),
                    track.warningCount(), track.uploadedBy(), track.uploadedByRole(), track.sha256(), track.bytes(),
                    track.createdAt(), track.updatedAt(), ApprovalView.of(track.approval(), track.revision()),
                    withReport ? track.report() : null);
        }

        static TrackView of(DramaSummary drama, TrackSummary track) {
            return new TrackView(drama.id().toString(), drama.externalId(), track.episode(), track.language(), track.status(),
                    track.revision(), track.sourceFormat(), track.cues(), track.errorCount(), track.warningCount(),
                    track.uploadedBy(), track.uploadedByRole(), track.sha256(), track.bytes(), track.createdAt(),
                    track.updatedAt(), ApprovalView.of(track.approval(), track.revision()), null);
        }
    }

    /** A person's decision on a track's revision; {@code comment} absent when none was given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovalView(Approval.Decision decision, String comment, String decidedBy, String decidedByRole,
            Instant decidedAt, long revision, String sha256) {

        /** Null unless the decision covers the current revision. */
        static ApprovalView of(Approval approval, long currentRevision) {
            if (approval == null || approval.revision() != currentRevision) {
                return null;
            }
            return new ApprovalView(approval.decision(), approval.comment(), approval.decidedBy(), approval.decidedByRole(),
                    approval.decidedAt(), approval.revision(), approval.sha256());
        }
    }

    /** {@code PUT …/approval}: {@code decision} APPROVED or REJECTED; {@code comment} required for REJECTED. */
    public record ApprovalRequest(String decision, String comment) {
    }

    /** The track's decision after the request; {@code changed} false when it already carried it (nothing happened). */
    public record ApprovalAnswer(String dramaId, String externalId, int episode, String language, long revision,
            String sha256, String uploadedBy, boolean changed, ApprovalView approval) {

        static ApprovalAnswer of(ApprovalService.Result result) {
            Track track = result.track();
            return new ApprovalAnswer(result.drama().id().toString(), result.drama().externalId(), track.episode(),
                    track.language(), track.revision(), track.sha256(), track.uploadedBy(), result.changed(),
                    ApprovalView.of(track.approval(), track.revision()));
        }
    }

    /**
     * A bulk decision: counts and one entry per episode of the drama, in episode order. {@code result}: {@code DECIDED},
     * {@code UNCHANGED} (already carried this decision), {@code OWN_UPLOAD} (the caller uploaded it: four-eyes, left
     * alone), {@code NOT_QC_ACCEPTED} (failed QC, left alone), {@code MISSING} (no track).
     */
    public record BulkApprovalAnswer(String dramaId, String externalId, String language, Approval.Decision decision,
            int decided, int unchanged, int skipped, List<EpisodeApproval> episodes) {

        static BulkApprovalAnswer of(ApprovalService.BulkResult result) {
            List<EpisodeApproval> episodes = result.episodes().stream().map(EpisodeApproval::of).toList();
            int decided = count(result, ApprovalService.EpisodeOutcome.DECIDED);
            int unchanged = count(result, ApprovalService.EpisodeOutcome.UNCHANGED);
            return new BulkApprovalAnswer(result.drama().id().toString(), result.drama().externalId(), result.language(),
                    result.decision(), decided, unchanged, episodes.size() - decided - unchanged, episodes);
        }

        private static int count(ApprovalService.BulkResult result, ApprovalService.EpisodeOutcome outcome) {
            return (int) result.episodes().stream().filter(episode -> episode.outcome() == outcome).count();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpisodeApproval(int episode, ApprovalService.EpisodeOutcome result, Long revision, String uploadedBy,
            ApprovalView approval) {

        static EpisodeApproval of(ApprovalService.EpisodeResult result) {
            Track track = result.track();
            return track == null ? new EpisodeApproval(result.episode(), result.outcome(), null, null, null)
                    : new EpisodeApproval(result.episode(), result.outcome(), track.revision(), track.uploadedBy(),
                            ApprovalView.of(track.approval(), track.revision()));
        }
    }

    public record TrackList(String dramaId, String externalId, int episodes, List<TrackView> tracks) {
    }

    /**
     * The answer to an upload: the stored track and its QC report. When QC failed it is also an RFC 9457 problem
     * (422): {@code type}, {@code title}, {@code status} and {@code detail} are present, the track fields are extension
     * members. {@code changed} is false when the body was byte-identical to the stored revision (nothing happened).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UploadAnswer(String type, String title, Integer status, String detail, String dramaId,
            String externalId, int episode, String language, QcVerdict verdict, long revision, boolean changed,
            String sha256, String uploadedBy, String uploadedByRole, Instant uploadedAt, QcReport report) {

        static UploadAnswer of(DramaSummary drama, Track track, boolean changed) {
            boolean failed = track.status() == QcVerdict.QC_FAILED;
            return new UploadAnswer(failed ? "about:blank" : null, failed ? "Unprocessable Content" : null,
                    failed ? 422 : null,
                    failed ? "The track failed quality control with " + track.errorCount() + " error(s). It is stored as"
                            + " revision " + track.revision() + " with status QC_FAILED so you can see why (report.findings),"
                            + " and it does not count for readiness until an upload passes." : null,
                    drama.id().toString(), drama.externalId(), track.episode(), track.language(), track.status(),
                    track.revision(), changed, track.sha256(), track.uploadedBy(), track.uploadedByRole(), track.updatedAt(),
                    track.report());
        }
    }

    /**
     * A bulk upload: every file of one drama in one language. {@code format} is {@code SRT} or {@code WEBVTT}, or
     * absent to have it detected; {@code content} is the file's text (JSON strings are Unicode, so the file travels
     * as UTF-8, and the same bytes give the same SHA-256 as the single upload of the file).
     */
    public record BulkRequest(List<BulkFileRequest> files) {
    }

    public record BulkFileRequest(Integer episode, String format, String content) {
    }

    /**
     * The answer to a bulk upload: counts and one entry per file, in the request's order. {@code result} is
     * {@code STORED} (QC passed), {@code UNCHANGED} (byte-identical to the stored revision: nothing happened),
     * {@code QC_FAILED} (stored with its findings in {@code report}; not counted for readiness) or {@code REFUSED}
     * (not stored; {@code problem} says why, with the status a single upload of the file would have had).
     */
    public record BulkAnswer(String dramaId, String externalId, String language, int stored, int unchanged, int qcFailed,
            int refused, List<FileAnswer> files) {

        static BulkAnswer of(BulkResult result) {
            List<FileAnswer> files = result.files().stream().map(FileAnswer::of).toList();
            return new BulkAnswer(result.drama().id().toString(), result.drama().externalId(), result.language(),
                    count(result, Outcome.STORED), count(result, Outcome.UNCHANGED), count(result, Outcome.QC_FAILED),
                    count(result, Outcome.REFUSED), files);
        }

        private static int count(BulkResult result, Outcome outcome) {
            return (int) result.files().stream().filter(file -> file.outcome() == outcome).count();
        }
    }

    /** One file's result; the track's fields are absent when it was refused, the report when nothing was stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileAnswer(int episode, Outcome result, QcVerdict verdict, Long revision, Boolean created, String sha256,
            Integer errorCount, Integer warningCount, QcReport report, Problem problem) {

        static FileAnswer of(FileResult file) {
            if (file.outcome() == Outcome.REFUSED) {
                return new FileAnswer(file.episode(), file.outcome(), null, null, null, null, null, null, null,
                        RefusalMapper.problem(file.refusal()).toProblem());
            }
            Track track = file.track();
            boolean stored = file.outcome() != Outcome.UNCHANGED;
            return new FileAnswer(file.episode(), file.outcome(), track.status(), track.revision(), file.created(),
                    track.sha256(), track.errorCount(), track.warningCount(), stored ? track.report() : null, null);
        }
    }
}
