package io.microdrama.localization.domain;

import java.util.List;

/**
 * A request the service refuses, with why; thrown before anything is written, so a refused request changes nothing.
 * The api turns it into {@code application/problem+json} (see api/RefusalMapper); nothing here knows HTTP.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** The thing does not exist, or is not visible to the caller. */
        NOT_FOUND,
        /** The caller may see the thing but not do this to it (four-eyes: not on its own upload). */
        FORBIDDEN,
        /** The thing's state does not allow it (a withdrawn drama). */
        CONFLICT,
        /** The caller's version of the thing is no longer the current one. */
        STALE_VERSION,
        /** The request is malformed (an empty body). */
        MALFORMED,
        /** Fields fail validation. */
        INVALID,
        /** The body is larger than the configured limit. */
        TOO_LARGE,
        /** The body is not content this service takes (not UTF-8 WebVTT or SRT, or not the declared format). */
        UNSUPPORTED_CONTENT
    }

    /** Which part of the request is wrong and why. */
    public record Field(String name, String message) {
    }

    private final Kind kind;
    private final List<Field> fields;

    public Refusal(Kind kind, String detail, List<Field> fields) {
        super(detail);
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    public Refusal(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " does not exist or is not visible to you");
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, detail);
    }

    public static Refusal invalid(List<Field> fields) {
        return new Refusal(Kind.INVALID, "The request has " + fields.size() + " invalid field(s); nothing was changed", fields);
    }

    public Kind kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }
}
