package io.microdrama.localization.domain;

import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;

import java.time.Instant;

/** A track without its document and report, for lists. */
public record TrackSummary(int episode, String language, QcVerdict status, long revision, SubtitleFormat sourceFormat,
        int cues, int errorCount, int warningCount, String uploadedBy, String uploadedByRole, String sha256,
        int bytes, Instant createdAt, Instant updatedAt) {
}
