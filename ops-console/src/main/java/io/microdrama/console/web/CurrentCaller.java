package io.microdrama.console.web;

import io.microdrama.console.view.Caller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/** The signed-in person of this request, for navigation only (the gateway decides what they may do). */
public class CurrentCaller {

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return Caller.fromAccessToken(token == null ? null : token.getToken());
    }
}
