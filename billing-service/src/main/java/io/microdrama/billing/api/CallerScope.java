package io.microdrama.billing.api;

import io.microdrama.billing.domain.Actor;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's reach in billing, from the token: ops act only in the countries of their {@code regions} claim. */
@RequestScoped
public class CallerScope {

    private final Caller caller;
    private final SecurityIdentity identity;

    public CallerScope(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    /** Admins reach every region; ops only those their token lists (groups such as EU expanded). */
    public void requireRegion(String region) {
        if (!caller.coversRegion(region)) {
            throw ProblemException.forbidden("Your token's regions do not include " + region);
        }
    }

    /** Who is acting, for audit trails: the principal name (e.g. Keycloak username) and the token subject. */
    public Actor actor() {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        return new Actor(caller.name(), subject, io.microdrama.support.audit.Actor.of(caller.grants()).role());
    }
}
