package io.microdrama.subtitles;

/**
 * A REGION definition block from a WebVTT header. We only need the identifier (cues refer to it with
 * {@code region:id}); the remaining region settings are kept verbatim so a WebVTT-to-WebVTT rewrite keeps them.
 *
 * @param id       value of the {@code id:} setting, empty when the block has none
 * @param settings the block's settings text as written (lines joined with '\n')
 */
public record WebVttRegion(String id, String settings) {
}
