package io.microdrama.gateway.api;

import io.microdrama.gateway.domain.GatewayCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;

/** Reads the platform's claims from a verified access token. */
final class TokenClaims {

    private TokenClaims() {
    }

    static GatewayCaller caller(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return GatewayCaller.of(identity.getPrincipal().getName(), identity.getRoles(), null, List.of(), List.of());
        }
        List<String> studio = strings(jwt.getClaim("studio_id"));
        return GatewayCaller.of(jwt.getName(), identity.getRoles(), studio.isEmpty() ? null : studio.get(0),
                strings(jwt.getClaim("regions")), strings(jwt.getClaim("languages")));
    }

    /** A claim as plain strings, whether the token carries one value or an array. */
    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(TokenClaims::text).toList();
        }
        return List.of(text(value));
    }

    private static String text(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
