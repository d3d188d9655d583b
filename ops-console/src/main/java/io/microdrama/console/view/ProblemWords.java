package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a gateway error (status + RFC 9457 problem) into words an ops person understands: what happened, what to do,
 * and the platform's own detail and field errors as they were given. Never shows a stack trace or a token.
 */
public final class ProblemWords {

    private ProblemWords() {
    }

    @TemplateData
    public record Explanation(int status, String headline, String detail, List<String> fieldErrors) {
    }

    public static Explanation explain(int status, JsonNode problem) {
        String detail = text(problem, "detail");
        List<String> fieldErrors = new ArrayList<>();
        if (problem != null && problem.path("errors").isArray()) {
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asText("");
                String message = error.path("message").asText("");
                fieldErrors.add(field.isEmpty() ? message : field + ": " + message);
            }
        }
        return new Explanation(status, headline(status), detail, List.copyOf(fieldErrors));
    }

    static String headline(int status) {
        return switch (status) {
            case 0 -> "The platform could not be reached. Nothing was changed; try again in a minute.";
            case 400, 422 -> "The platform did not accept what was entered. Check the fields below and try again.";
            case 401 -> "Your session has ended. Sign in again.";
            case 403 -> "You are not allowed to do this. It is outside your role, regions or languages.";
            case 404 -> "Not found. It does not exist, or it is not in your regions.";
            case 409 -> "This conflicts with the drama's current state; reload the page to see it.";
            case 412 -> "Someone changed this meanwhile; reload the page and try again.";
            case 413 -> "The file is too large (the limit is about 1 MiB).";
            case 415 -> "This kind of file is not accepted; upload WebVTT (.vtt) or SRT (.srt).";
            case 429 -> "Too many requests right now; wait a few seconds and try again.";
            case 502 -> "A platform service answered badly or could not be reached. Reload to see whether the change was made.";
            case 503 -> "A platform service is temporarily unavailable. Try again in a little while.";
            case 504 -> "The platform took too long to answer; the change may or may not have been made. Reload to check.";
            default -> status >= 500 ? "The platform failed to answer this request. Try again later."
                    : "The platform refused this request (" + status + ").";
        };
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        String value = node.get(field).asText();
        return value.isBlank() ? null : value;
    }
}
