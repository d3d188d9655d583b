package io.microdrama.subtitles;

/** A parsed track and its QC report. */
public record IngestResult(SubtitleDocument document, QcReport report) {
}
