package io.microdrama.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parsed but is refused by one of the platform's input rules (a NUL or a lone surrogate in a string,
 * an instant PostgreSQL cannot store faithfully). Jackson adds the field path as the exception travels up, so the
 * problem answer can name the field; the status is the rule's (400 for text the platform never accepts, 422 for a
 * well-formed value outside the accepted range).
 */
public class RefusedValueException extends MismatchedInputException {

    private final int status;
    private final String reason;

    public RefusedValueException(JsonParser parser, int status, String reason) {
        super(parser, reason);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** What is wrong with the value, without the field (the answer names it separately). */
    public String reason() {
        return reason;
    }
}
