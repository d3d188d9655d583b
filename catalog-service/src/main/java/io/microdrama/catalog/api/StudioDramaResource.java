package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.DramaService;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;

/**
 * A studio's own dramas. The studio comes from the token's {@code studio_id}, never from the path or body,
 * so one studio cannot act for another; a drama of another studio simply does not exist here (404).
 */
@Path("/api/v1/studio/dramas")
@RolesAllowed("studio")
@Produces(MediaType.APPLICATION_JSON)
public class StudioDramaResource {

    private final DramaService dramas;
    private final Caller caller;
    private final Clock clock;

    public StudioDramaResource(DramaService dramas, Caller caller, Clock clock) {
        this.dramas = dramas;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Path("/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> upsert(@PathParam("externalId") String externalId, @HeaderParam("If-Match") String ifMatch,
            DramaRequest request) {
        requireExternalId(externalId);
        if (request == null) {
            throw new ProblemException(400, "Bad Request", "A JSON body is required");
        }
        return dramas.upsert(caller.requireStudioId(), externalId, request.toContent(), revisionOf(ifMatch))
                .flatMap(result -> dramas.find(result.drama().studioId, externalId).map(view -> Response
                        .status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                        .tag(etag(view.drama().revision))
                        .entity(DramaView.of(view.drama(), view.rollout(), clock.instant()))
                        .build()));
    }

    @GET
    @Path("/{externalId}")
    public Uni<Response> get(@PathParam("externalId") String externalId) {
        return dramas.find(caller.requireStudioId(), externalId).map(view -> Response.ok(
                DramaView.of(view.drama(), view.rollout(), clock.instant())).tag(etag(view.drama().revision)).build());
    }

    @POST
    @Path("/{externalId}/publish")
    public Uni<DramaView> publish(@PathParam("externalId") String externalId) {
        return dramas.publish(caller.requireStudioId(), externalId)
                .map(view -> DramaView.of(view.drama(), view.rollout(), clock.instant()));
    }

    @POST
    @Path("/{externalId}/withdraw")
    public Uni<DramaView> withdraw(@PathParam("externalId") String externalId) {
        return dramas.withdraw(caller.requireStudioId(), externalId)
                .map(view -> DramaView.of(view.drama(), view.rollout(), clock.instant()));
    }

    private static EntityTag etag(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    private static Long revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition Failed", "If-Match must be an ETag returned by this API");
        }
    }

    private static void requireExternalId(String externalId) {
        if (!externalId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw ProblemException.invalid(List.of(new FieldError("externalId", "1-128 characters from A-Z a-z 0-9 . _ -")));
        }
    }
}
