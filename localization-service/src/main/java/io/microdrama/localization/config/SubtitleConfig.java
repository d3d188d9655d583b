package io.microdrama.localization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Subtitle upload, QC and delivery settings; each is an env var in application.properties. */
@ConfigMapping(prefix = "subtitles")
public interface SubtitleConfig {

    /** Largest upload accepted (bytes); a 3-minute episode track is ~5 KB. Env: SUBTITLE_MAX_BYTES. */
    @WithDefault("1048576")
    int maxBytes();

    /** Most files in one bulk upload (one drama, one language). Env: SUBTITLE_BULK_MAX_FILES. */
    @WithDefault("200")
    int bulkMaxFiles();

    /** Largest bulk upload request body (bytes, the JSON as sent). Env: SUBTITLE_BULK_MAX_BYTES. */
    @WithDefault("2097152")
    int bulkMaxBytes();

    /** Frame rate the minimum gap in frames is measured at. Env: SUBTITLE_FRAME_RATE. */
    @WithDefault("30")
    double frameRate();

    /** Whether episodes are 9:16 (the tighter vertical line lengths apply). Env: SUBTITLE_VERTICAL. */
    @WithDefault("true")
    boolean vertical();

    /** How long browsers and CDNs may cache a storefront subtitle file. Env: SUBTITLE_STOREFRONT_MAX_AGE. */
    @WithDefault("PT5M")
    Duration storefrontMaxAge();
}
