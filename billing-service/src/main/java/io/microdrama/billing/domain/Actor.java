package io.microdrama.billing.domain;

import java.util.Objects;

/**
 * Who made a price decision: a person or client from the access token (name = principal name, e.g. the
 * Keycloak username; subject = the token's {@code sub}), or this service acting on an event.
 */
public record Actor(String name, String subject) {

    public static final Actor BILLING_SERVICE = new Actor("billing-service", null);

    public Actor {
        Objects.requireNonNull(name, "name");
    }
}
