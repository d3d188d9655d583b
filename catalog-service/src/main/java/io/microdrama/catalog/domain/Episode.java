package io.microdrama.catalog.domain;

/**
 * One episode of a drama: micro-drama episodes last from 10 seconds to 15 minutes and are shot vertically (9:16).
 * The video itself lives in the studio's storage; we keep where it is and its checksum so players can verify it.
 */
public record Episode(int number, String title, int durationSeconds, String videoUri, String videoChecksum,
        String aspectRatio) {

    public static final String VERTICAL = "9:16";

    public boolean fitsVerticalScreen() {
        return aspectRatio == null || VERTICAL.equals(aspectRatio);
    }
}
