package io.microdrama.billing.domain;

import java.util.Objects;

/**
 * A change or read billing refuses, thrown before anything is written (so a refused request changes nothing).
 * Plain Java on purpose: the HTTP answer (404, 409, 422 as problem+json) is chosen in {@code api} alone.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** What was asked for does not exist (or the caller may not know it does). */
        NOT_FOUND,
        /** The request is well-formed but contradicts the state (withdrawn drama, a different version exists...). */
        CONFLICT,
        /** One input field is not acceptable; {@link #field()} names it. */
        INVALID
    }

    private final Kind kind;
    private final String field;

    private Refusal(Kind kind, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    /** @param what e.g. "Drama 0b6f…", completed by the adapter ("does not exist or is not visible to you") */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, null, what);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, null, detail);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, Objects.requireNonNull(field, "field"), message);
    }

    public Kind kind() {
        return kind;
    }

    /** The refused input field for {@link Kind#INVALID}, else null. */
    public String field() {
        return field;
    }
}
