package io.microdrama.support.security;

import io.microdrama.contracts.regions.RegionGroups;
import io.quarkus.security.identity.SecurityIdentity;
import io.microdrama.support.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and what they may touch, read from the access token: {@code studio_id} for studios,
 * {@code regions} (groups expanded) for ops, {@code languages} for localizers. Every service checks these
 * itself, so a call that bypasses the gateway gets no more than one through it.
 */
@RequestScoped
public class Caller {

    public static final String STUDIO = "studio";
    public static final String OPS = "ops";
    public static final String LOCALIZER = "localizer";
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The studio this caller acts for; a studio token without {@code studio_id} is refused. */
    public String requireStudioId() {
        return claim("studio_id").filter(id -> !id.isBlank())
                .orElseThrow(() -> ProblemException.forbidden("The token carries no studio_id"));
    }

    public boolean mayReadStudio(String studioId) {
        return isAdmin() || (identity.hasRole(STUDIO) && claim("studio_id").map(studioId::equals).orElse(false));
    }

    public Set<String> regions() {
        return RegionGroups.expand(listClaim("regions"));
    }

    public boolean coversRegion(String country) {
        return isAdmin() || (identity.hasRole(OPS) && regions().contains(country));
    }

    public Set<String> languages() {
        return Set.copyOf(listClaim("languages"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    private Optional<String> claim(String name) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getClaim(name) != null) {
            return Optional.of(jwt.getClaim(name).toString());
        }
        return Optional.empty();
    }

    private List<String> listClaim(String name) {
        Principal principal = identity.getPrincipal();
        if (!(principal instanceof JsonWebToken jwt)) {
            return List.of();
        }
        Object value = jwt.getClaim(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).toList();
        }
        return value == null ? List.of() : List.of(unquote(value));
    }

    /** JSON-P string values print with quotes; claims are plain strings to us. */
    private static String unquote(Object value) {
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
