package io.microdrama.contracts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits of a drama as catalog accepts it, in one place: catalog validates pushes with them and studio-push
 * checks a package with the same ones before it uploads, so a studio learns the platform's answer offline.
 */
public final class DramaLimits {

    /** A studio's own id for a drama (the path segment of its URL). */
    public static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    public static final int MAX_TITLE = 300;
    public static final int MAX_SYNOPSIS = 5000;
    public static final int MAX_EPISODES = 500;
    /** Genres and tags: at most this many of each. */
    public static final int MAX_LABELS = 30;
    /** Micro-drama episodes last from 10 seconds to 15 minutes. */
    public static final int MIN_EPISODE_SECONDS = 10;
    public static final int MAX_EPISODE_SECONDS = 900;
    /** Players verify the video they fetch against this. */
    public static final Pattern VIDEO_CHECKSUM = Pattern.compile("sha256:[0-9a-f]{64}");
    /** Where episode videos may live (the studio's storage). */
    public static final Set<String> VIDEO_URI_SCHEMES = Set.of("https", "http", "s3", "gs");

    private DramaLimits() {
    }

    public static boolean isExternalId(String value) {
        return value != null && EXTERNAL_ID.matcher(value).matches();
    }

    public static boolean isEpisodeDuration(int seconds) {
        return seconds >= MIN_EPISODE_SECONDS && seconds <= MAX_EPISODE_SECONDS;
    }

    public static boolean isVideoChecksum(String value) {
        return value != null && VIDEO_CHECKSUM.matcher(value).matches();
    }

    /** Whether {@code scheme} (any case) is one a video URI may use. */
    public static boolean isVideoScheme(String scheme) {
        return scheme != null && VIDEO_URI_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }
}
