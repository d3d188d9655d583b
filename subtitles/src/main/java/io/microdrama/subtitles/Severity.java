package io.microdrama.subtitles;

/**
 * How bad a finding is. Any {@link #ERROR} fails QC; {@link #WARNING} is reported but accepted;
 * {@link #INFO} only documents something the parser tolerated (parse findings only, QC never emits it).
 */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
