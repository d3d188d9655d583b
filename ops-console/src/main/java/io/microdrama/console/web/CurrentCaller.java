package io.microdrama.console.web;

import io.microdrama.console.view.Caller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The signed-in person of this request, for navigation only (the gateway decides what they may do). */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    @Inject
    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            AccessTokenCredential token = identity.isAnonymous() ? null
                    : identity.getCredential(AccessTokenCredential.class);
            caller = Caller.fromAccessToken(token == null ? null : token.getToken());
        }
        return caller;
    }
}
