package io.microdrama.subtitles;

import java.util.Objects;

/**
 * What QC needs to know about the episode a track belongs to.
 *
 * @param language          BCP 47 tag of the track (selects the {@link LanguageProfile})
 * @param frameRate         video frame rate, for the minimum gap in frames
 * @param episodeDurationMs episode length, null when unknown (then the past-the-end check is skipped)
 * @param vertical          9:16 picture: the tighter vertical line length applies
 */
public record QcContext(String language, double frameRate, Long episodeDurationMs, boolean vertical) {

    /** Vertical micro-drama masters are delivered at 30 fps unless the catalogue says otherwise. */
    public static final double DEFAULT_FRAME_RATE = 30.0;

    public QcContext {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        if (!(frameRate > 0) || frameRate > 240 || Double.isNaN(frameRate)) {
            throw new IllegalArgumentException("frame rate must be in (0, 240], got " + frameRate);
        }
        if (episodeDurationMs != null && episodeDurationMs <= 0) {
            throw new IllegalArgumentException("episode duration must be positive, got " + episodeDurationMs);
        }
    }

    /** A 9:16 episode at the default frame rate: the platform's normal case. */
    public static QcContext verticalEpisode(String language, long episodeDurationMs) {
        return new QcContext(language, DEFAULT_FRAME_RATE, episodeDurationMs, true);
    }

    public QcContext withFrameRate(double fps) {
        return new QcContext(language, fps, episodeDurationMs, vertical);
    }

    public QcContext withVertical(boolean isVertical) {
        return new QcContext(language, frameRate, episodeDurationMs, isVertical);
    }

    /** Minimum gap in whole milliseconds; rounded down so a gap of exactly N frames passes. */
    long minGapMs(int frames) {
        return (long) Math.floor(frames * 1000.0 / frameRate + 1e-9);
    }
}
