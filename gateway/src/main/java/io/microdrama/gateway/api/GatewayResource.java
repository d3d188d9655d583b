package io.microdrama.gateway.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;

/**
 * The public API under {@code /api/v1}: every request goes to the {@link Dispatcher}, which matches it against
 * {@link io.microdrama.gateway.domain.RouteTable} (one table, mirrored by the OpenAPI document) rather than against
 * one JAX-RS method per route, so a route is added in exactly one place.
 */
@Path("/api/v1")
@Consumes(MediaType.WILDCARD)
public class GatewayResource {

    private final Dispatcher dispatcher;

    public GatewayResource(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @GET
    @Path("{path:.+}")
    public Uni<Response> get(@Context HttpServerRequest request) {
        return dispatcher.dispatch(request, null);
    }

    @PUT
    @Path("{path:.+}")
    public Uni<Response> put(@Context HttpServerRequest request, byte[] body) {
        return dispatcher.dispatch(request, body);
    }

    @POST
    @Path("{path:.+}")
    public Uni<Response> post(@Context HttpServerRequest request, byte[] body) {
        return dispatcher.dispatch(request, body);
    }

    @DELETE
    @Path("{path:.+}")
    public Uni<Response> delete(@Context HttpServerRequest request) {
        return dispatcher.dispatch(request, null);
    }

    @PATCH
    @Path("{path:.+}")
    public Uni<Response> patch(@Context HttpServerRequest request, byte[] body) {
        return dispatcher.dispatch(request, body);
    }
}
