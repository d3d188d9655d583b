package io.microdrama.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;

/** Reads the platform's claims ({@code studio_id}, {@code regions}, {@code languages}) from a verified identity. */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** What the identity's token grants; an identity without a JWT (anonymous, tests) has its roles and nothing else. */
    public static CallerGrants grants(SecurityIdentity identity) {
        String name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return CallerGrants.of(name, identity.getRoles(), null, List.of(), List.of());
        }
        List<String> studio = strings(jwt.getClaim("studio_id"));
        return CallerGrants.of(name, identity.getRoles(), studio.isEmpty() ? null : studio.get(0),
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

    /** JSON-P string values print with quotes; claims are plain strings to us. */
    private static String text(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
