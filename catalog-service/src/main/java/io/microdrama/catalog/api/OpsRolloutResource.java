package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.application.RolloutService;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Regional ops: the rollout board of a region, one drama across the caller's regions, hold and release. The
 * {@code regions} claim (groups expanded) bounds everything; a region outside it is refused with 403 naming only
 * that region, and a drama not licensed in any of the caller's regions is 404 (its existence is not revealed).
 */
@Path("/api/v1/ops")
@RolesAllowed({ "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class OpsRolloutResource {

    private final RolloutService rollouts;
    private final Caller caller;
    private final Clock clock;

    public OpsRolloutResource(RolloutService rollouts, Caller caller, Clock clock) {
        this.rollouts = rollouts;
        this.caller = caller;
        this.clock = clock;
    }

    public record BoardItem(String dramaId, String studioId, String externalId, String title, long dramaVersion,
            DramaView.RegionRollout rollout) {
    }

    public record Board(String region, int page, int size, boolean hasMore, List<BoardItem> items) {
    }

    public record OpsDramaView(String id, String studioId, String externalId, String title, String originalLanguage,
            String status, long dramaVersion, int episodes, List<DramaView.RegionRollout> rollout) {
    }

    public record HoldRequest(String reason) {
    }

    @GET
    @Path("/regions/{region}/rollout")
    public Uni<Board> board(@PathParam("region") String region, @QueryParam("state") String state,
            @QueryParam("blocker") String blocker, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        requireRegion(region);
        if (page < 0 || size < 1 || size > 200) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size 1..200");
        }
        RolloutState stateFilter = parseState(state);
        String blockerFilter = parseBlocker(blocker);
        Instant now = clock.instant();
        return rollouts.board(region, stateFilter, blockerFilter, page * size, size + 1).map(entries -> new Board(region,
                page, size, entries.size() > size, entries.stream().limit(size).map(entry -> new BoardItem(
                        entry.drama().id.toString(), entry.drama().studioId, entry.drama().externalId, entry.drama().title,
                        entry.rollout().dramaVersion, DramaView.region(entry.rollout(), now))).toList()));
    }

    @GET
    @Path("/dramas/{dramaId}")
    public Uni<OpsDramaView> drama(@PathParam("dramaId") String dramaId) {
        Instant now = clock.instant();
        return rollouts.dramaIn(parseDramaId(dramaId), caller.regions(), caller.isAdmin()).map(found -> new OpsDramaView(
                found.drama().id.toString(), found.drama().studioId, found.drama().externalId, found.drama().title,
                found.drama().originalLanguage, found.drama().status.name(), found.drama().dramaVersion,
                found.drama().episodeCount, found.rollout().stream().map(r -> DramaView.region(r, now)).toList()));
    }

    @POST
    @Path("/regions/{region}/dramas/{dramaId}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DramaView.RegionRollout> hold(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            HoldRequest request) {
        requireRegion(region);
        if (request == null || request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "is required, at most 500 characters")));
        }
        return rollouts.hold(parseDramaId(dramaId), region, request.reason().strip(), Actor.of(caller.grants())).map(this::view);
    }

    @POST
    @Path("/regions/{region}/dramas/{dramaId}/release")
    public Uni<DramaView.RegionRollout> release(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("reason") String reasonParam) {
        requireRegion(region);
        // The reason is optional and goes to the audit trail; as a query parameter (like billing's override removal)
        // a release keeps needing no body, so existing callers stay valid.
        String reason = reasonParam == null || reasonParam.isBlank() ? null : reasonParam.strip();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "at most 500 characters")));
        }
        return rollouts.release(parseDramaId(dramaId), region, reason, Actor.of(caller.grants())).map(this::view);
    }

    private DramaView.RegionRollout view(RegionalRollout rollout) {
        return DramaView.region(rollout, clock.instant());
    }

    private void requireRegion(String region) {
        if (!RegionGroups.isCountry(region)) {
            throw ProblemException.notFound("Region '" + region + "'");
        }
        if (!caller.coversRegion(region)) {
            throw ProblemException.forbidden("Your token does not cover region " + region);
        }
    }

    private static RolloutState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            RolloutState parsed = RolloutState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            if (parsed != RolloutState.NOT_LICENSED) {
                return parsed;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new ProblemException(400, "Bad Request", "state must be one of SCHEDULED, WAITING, LIVE, ON_HOLD, EXPIRED, WITHDRAWN");
    }

    private static String parseBlocker(String blocker) {
        if (blocker == null || blocker.isBlank()) {
            return null;
        }
        String value = blocker.strip();
        if (value.matches("(?i)LOCALIZATION_PENDING|LOCALIZATION_NOT_READY|NO_PRICE|AGE_RATING_MISSING|MISSING_LANGUAGE")
                || value.matches("(?i)MISSING_LANGUAGE:[A-Za-z0-9-]{2,35}")) {
            return value;
        }
        throw new ProblemException(400, "Bad Request", "blocker must be one of LOCALIZATION_PENDING, LOCALIZATION_NOT_READY,"
                + " NO_PRICE, AGE_RATING_MISSING, MISSING_LANGUAGE or MISSING_LANGUAGE:<tag>");
    }

    private static UUID parseDramaId(String dramaId) {
        try {
            return UUID.fromString(dramaId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Drama " + dramaId);
        }
    }
}
