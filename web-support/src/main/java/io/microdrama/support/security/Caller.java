package io.microdrama.support.security;

import io.microdrama.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;

/**
 * Who is calling and what they may touch, read from the access token ({@link CallerGrants}): {@code studio_id} for
 * studios, {@code regions} (groups expanded) for ops, {@code languages} for localizers. Every service checks these
 * itself, so a call that bypasses the gateway gets no more than one through it.
 */
@RequestScoped
public class Caller {

    public static final String STUDIO = Roles.STUDIO;
    public static final String OPS = Roles.OPS;
    public static final String LOCALIZER = Roles.LOCALIZER;
    public static final String ADMIN = Roles.ADMIN;

    private final SecurityIdentity identity;
    private CallerGrants grants;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Read once per request, when first asked (routes without a caller never verify a token). */
    public CallerGrants grants() {
        if (grants == null) {
            grants = TokenClaims.grants(identity);
        }
        return grants;
    }

    public boolean isAdmin() {
        return grants().isAdmin();
    }

    public String name() {
        return grants().name();
    }

    /** The studio this caller acts for; a studio token without {@code studio_id} is refused. */
    public String requireStudioId() {
        return grants().studioId().orElseThrow(() -> ProblemException.forbidden("The token carries no studio_id"));
    }

    public boolean mayReadStudio(String studioId) {
        return grants().mayReadStudio(studioId);
    }

    public Set<String> regions() {
        return grants().regions();
    }

    public boolean coversRegion(String country) {
        return grants().coversRegion(country);
    }

    public Set<String> languages() {
        return grants().languages();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
