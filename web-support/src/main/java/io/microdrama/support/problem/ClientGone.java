package io.microdrama.support.problem;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Whether a failure is only the client having gone away (connection closed, request reset) before the answer. */
final class ClientGone {

    private ClientGone() {
    }

    static boolean wentAway(Throwable failure, HttpServerRequest request) {
        if (request != null && request.response().closed()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof IOException && cause.getMessage() != null) {
                String message = cause.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("connection reset by peer") || message.contains("broken pipe")) {
                    return true;
                }
            }
        }
        return false;
    }
}
