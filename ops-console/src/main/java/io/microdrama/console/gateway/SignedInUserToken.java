package io.microdrama.console.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sends the signed-in user's own access token to the gateway: the console has no privilege of its own.
 * Written here because quarkus-rest-client-oidc-token-propagation 3.33.2 does not resolve from the mirror (its
 * parent pom is missing); it does the same thing: read the code flow's access token from the security identity.
 * The token never goes into a URL or a log line.
 */
@ApplicationScoped
public class SignedInUserToken implements ClientHeadersFactory {

    private final SecurityIdentity identity;

    @Inject
    public SignedInUserToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token.getToken());
        }
        return headers;
    }
}
