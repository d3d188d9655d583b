package io.microdrama.billing.domain.reference;

/** Reference data that cannot be read or does not make sense; the message names the file and line. */
public class ReferenceDataException extends RuntimeException {

    public ReferenceDataException(String message) {
        super(message);
    }

    public ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
