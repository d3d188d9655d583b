package io.microdrama.subtitles;

/** Outcome of QC: any ERROR (QC or parse) fails the track. */
public enum QcVerdict {
    ACCEPTED,
    QC_FAILED
}
