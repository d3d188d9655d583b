package io.microdrama.localization.domain.subtitle;

/** A parsed track and its QC report. */
public record IngestResult(SubtitleDocument document, QcReport report) {
}
