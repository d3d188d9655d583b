package io.microdrama.subtitles;

import java.util.Objects;

/**
 * The upload cannot be read as a subtitle file at all (as opposed to a file with parse or QC findings).
 * The service maps it to a client error; the message is meant for the uploader.
 */
public class SubtitleRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the upload was rejected. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        /** UTF-16/UTF-32 byte order mark: we only accept UTF-8. */
        UNSUPPORTED_ENCODING,
        INVALID_UTF8,
        BINARY,
        /** Starts like WebVTT but fails the WebVTT signature check. */
        NOT_WEBVTT,
        /** Neither a WebVTT signature nor a single SRT timing line. */
        UNRECOGNIZED_FORMAT
    }

    private final Reason reason;

    public SubtitleRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
