package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.Studio;
import io.microdrama.catalog.application.StudioService;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Partner studios, managed by platform admins. The id must equal the {@code studio_id} the studio's Keycloak
 * client puts into its tokens (see deploy/keycloak); registering is what lets those tokens change content.
 */
@Path("/api/v1/admin/studios")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStudioResource {

    private final StudioService studios;
    private final Caller caller;

    public AdminStudioResource(StudioService studios, Caller caller) {
        this.studios = studios;
        this.caller = caller;
    }

    public record StudioRequest(String name, Boolean active) {
    }

    public record StudioView(String id, String name, boolean active, String registeredBy, Instant registeredAt,
            Instant updatedAt) {
        static StudioView of(Studio studio) {
            return new StudioView(studio.id, studio.name, studio.active, studio.registeredBy, studio.registeredAt,
                    studio.updatedAt);
        }
    }

    @PUT
    @Path("/{studioId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@PathParam("studioId") String studioId, StudioRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!studioId.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            errors.add(new FieldError("studioId", "2-64 characters from a-z 0-9 -, starting with a letter or digit"));
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean active = request.active() == null || request.active();
        return studios.register(studioId, request.name().strip(), active, Actor.of(caller.grants()))
                .map(registration -> Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(StudioView.of(registration.studio())).build());
    }

    @GET
    @Path("/{studioId}")
    public Uni<StudioView> get(@PathParam("studioId") String studioId) {
        return studios.find(studioId).map(StudioView::of);
    }

    @GET
    public Uni<List<StudioView>> list() {
        return studios.list().map(list -> list.stream().map(StudioView::of).toList());
    }
}
