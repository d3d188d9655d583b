package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.AgeRatingPolicy;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.application.DramaService;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.contracts.DramaLimits;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final AgeRatingPolicy ratingPolicy;

    public StudioDramaResource(DramaService dramas, Caller caller, Clock clock, AgeRatingPolicy ratingPolicy) {
        this.dramas = dramas;
        this.caller = caller;
        this.clock = clock;
        this.ratingPolicy = ratingPolicy;
    }

    public record DramaSummary(String id, String externalId, String title, String status, long dramaVersion,
            long revision, boolean unpublishedChanges, Instant updatedAt, Map<RolloutState, Long> regionsByState) {
    }

    public record DramaPage(int page, int size, boolean hasMore, List<DramaSummary> items) {
    }

    /** The studio's own dramas, most recently changed first; filter by status and/or by a region in a rollout state. */
    @GET
    public Uni<DramaPage> list(@QueryParam("status") String status, @QueryParam("rolloutState") String rolloutState,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size 1..100");
        }
        DramaStatus statusFilter = parse(DramaStatus.class, "status", status);
        RolloutState stateFilter = parse(RolloutState.class, "rolloutState", rolloutState);
        if (stateFilter == RolloutState.NOT_LICENSED) {
            throw new ProblemException(400, "Bad Request", "rolloutState NOT_LICENSED has no rows to match; omit it");
        }
        Instant now = clock.instant();
        return dramas.list(caller.requireStudioId(), statusFilter, stateFilter, page * size, size + 1)
                .map(found -> new DramaPage(page, size, found.size() > size, found.stream().limit(size).map(view -> {
                    Drama drama = view.drama();
                    Map<RolloutState, Long> byState = view.rollout().stream().collect(Collectors.groupingBy(
                            r -> r.stateAt(now), () -> new EnumMap<>(RolloutState.class), Collectors.counting()));
                    return new DramaSummary(drama.id.toString(), drama.externalId, drama.title, drama.status.name(),
                            drama.dramaVersion, drama.revision, drama.hasUnpublishedChanges(), drama.updatedAt, byState);
                }).toList()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A boolean query parameter: absent is false, {@code true} or {@code false} (any case) is itself, anything else is
     * 400. JAX-RS's own conversion ({@code Boolean.valueOf}) read {@code ?republish=1} or {@code =yes} as false and
     * answered 200 without re-publishing.
     */
    static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ProblemException(400, "Bad Request", name + " must be true or false");
    }

    @PUT
    @Path("/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> upsert(@PathParam("externalId") String externalId, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("republish") String republishParameter, DramaRequest request) {
        requireExternalId(externalId);
        boolean republish = flag("republish", republishParameter);
        if (request == null) {
            throw new ProblemException(400, "Bad Request", "A JSON body is required");
        }
        return dramas.upsert(caller.requireStudioId(), externalId, request.toContent(ratingPolicy), revisionOf(ifMatch), republish,
                        Actor.of(caller.grants()))
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
        return dramas.publish(caller.requireStudioId(), externalId, Actor.of(caller.grants()))
                .map(view -> DramaView.of(view.drama(), view.rollout(), clock.instant()));
    }

    @POST
    @Path("/{externalId}/withdraw")
    public Uni<DramaView> withdraw(@PathParam("externalId") String externalId) {
        return dramas.withdraw(caller.requireStudioId(), externalId, Actor.of(caller.grants()))
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
        if (!DramaLimits.isExternalId(externalId)) {
            throw ProblemException.invalid(List.of(new FieldError("externalId", "1-128 characters from A-Z a-z 0-9 . _ -")));
        }
    }
}
