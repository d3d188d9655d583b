package io.microdrama.devstack;

import java.nio.file.Path;

/**
 * What happens to each part while things start in parallel: one call per event, from the thread that starts the
 * part. A part taken from the environment (an existing broker, say) reports nothing.
 */
public interface StartEvents {

    StartEvents NONE = new StartEvents() {
    };

    /** The part is being started; {@code log} is where its output goes. */
    default void starting(String part, String detail, Path log) {
    }

    /** The part answers; {@code seconds} from its own start. */
    default void ready(String part, double seconds, String detail) {
    }

    /** The part could not be started; the platform stops. */
    default void failed(String part, Path log, Throwable cause) {
    }
}
