package io.microdrama.gateway.api;

import io.microdrama.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

/**
 * The gateway's own operation: who the token says the caller is (name and realm roles), for checking a token. Every
 * other route under {@code /api/v1} is served by {@link GatewayResource} from the route table.
 */
@Path("/api/v1/me")
@RolesAllowed({ Roles.STUDIO, Roles.OPS, Roles.LOCALIZER, Roles.ADMIN })
public class WhoAmIResource {

    private final SecurityIdentity identity;

    public WhoAmIResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    public record Me(String name, Set<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }
}
