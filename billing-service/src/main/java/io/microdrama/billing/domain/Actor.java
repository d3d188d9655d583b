package io.microdrama.billing.domain;

import java.util.Objects;

/**
 * Who made a price decision: a person or client from the access token (name = principal name, e.g. the
 * Keycloak username; subject = the token's {@code sub}; role = the role it acted in, for the platform's audit
 * trail), or this service acting on an event.
 */
public record Actor(String name, String subject, String role) {

    public static final Actor BILLING_SERVICE = new Actor("billing-service", null, "service");

    public Actor {
        Objects.requireNonNull(name, "name");
    }
}
