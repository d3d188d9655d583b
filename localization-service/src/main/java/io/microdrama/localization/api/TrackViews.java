package io.microdrama.localization.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.Track;
import io.microdrama.localization.domain.TrackSummary;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the subtitle API. */
public final class TrackViews {

    private TrackViews() {
    }

    /** A track without its cues. {@code report} only where one track is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackView(String dramaId, String externalId, int episode, String language, QcVerdict status,
            long revision, SubtitleFormat sourceFormat, int cues, int errorCount, int warningCount, String uploadedBy,
            String uploadedByRole, String sha256, int bytes, Instant createdAt, Instant updatedAt, QcReport report) {

        static TrackView of(DramaSummary drama, Track track, boolean withReport) {
            return new TrackView(drama.id().toString(), drama.externalId(), track.episode(), track.language(),
                    track.status(), track.revision(), track.sourceFormat(), track.cues(), track.errorCount(),
                    track.warningCount(), track.uploadedBy(), track.uploadedByRole(), track.sha256(), track.bytes(),
                    track.createdAt(), track.updatedAt(), withReport ? track.report() : null);
        }

        static TrackView of(DramaSummary drama, TrackSummary track) {
            return new TrackView(drama.id().toString(), drama.externalId(), track.episode(), track.language(), track.status(),
                    track.revision(), track.sourceFormat(), track.cues(), track.errorCount(), track.warningCount(),
                    track.uploadedBy(), track.uploadedByRole(), track.sha256(), track.bytes(), track.createdAt(),
                    track.updatedAt(), null);
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
}
