package io.microdrama.catalog.domain;

import java.time.Instant;

/** The right to show a drama in one country during a window; {@code validUntil} null means open-ended. */
public record Licence(String region, Instant validFrom, Instant validUntil, boolean exclusive) {

    public boolean openAt(Instant now) {
        return !now.isBefore(validFrom) && (validUntil == null || now.isBefore(validUntil));
    }
}
