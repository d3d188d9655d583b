package io.microdrama.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the one error body of the platform (gateway and services), with one entry per offending
 * field for validation failures. Empty parts are left out, so a problem without field errors is
 * {@code {"type","title","status","detail"}}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem without field errors; {@code about:blank} because the status and title say all there is. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public record FieldError(String field, String message) {
    }
}
