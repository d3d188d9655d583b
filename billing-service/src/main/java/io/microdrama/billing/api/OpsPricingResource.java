package io.microdrama.billing.api;

import io.microdrama.billing.application.PriceOverrides;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * A drama's price in one region for regional ops: read it, override it (with a reason) or return it to the tier
 * price, and read its history. Ops reach only the countries of their token's {@code regions}; admins all.
 * Order of refusals: 401 without a token, 403 for another role or region, 422 for an invalid body, 404 for a drama
 * not priced in the region, 409 for a withdrawn drama.
 */
@Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing")
@RolesAllowed({ "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class OpsPricingResource {

    static final int MAX_PAGE_SIZE = 100;

    private final PriceOverrides overrides;
    private final CallerScope scope;

    public OpsPricingResource(PriceOverrides overrides, CallerScope scope) {
        this.overrides = overrides;
        this.scope = scope;
    }

    @GET
    public Uni<PricingView> get(@PathParam("region") String region, @PathParam("dramaId") String dramaId) {
        scope.requireRegion(region);
        return overrides.find(dramaId(dramaId), region).map(PricingView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PricingView> override(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            OverrideRequest request) {
        scope.requireRegion(region);
        UUID id = dramaId(dramaId);
        if (request == null) {
            throw new ProblemException(400, "Bad Request", "A JSON body is required");
        }
        FieldCheck check = new FieldCheck();
        PriceOverride override = request.toOverride(check);
        return overrides.set(id, region, override, request.reason().strip(), scope.actor()).map(PricingView::of);
    }

    /** Back to the tier price; an optional {@code reason} goes to the audit trail. */
    @DELETE
    public Uni<PricingView> removeOverride(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("reason") String reason) {
        scope.requireRegion(region);
        UUID id = dramaId(dramaId);
        FieldCheck check = new FieldCheck();
        String stripped = check.optionalText("reason", reason, OverrideRequest.MAX_REASON).orElse(null);
        check.throwIfInvalid();
        return overrides.remove(id, region, stripped, scope.actor()).map(PricingView::of);
    }

    @GET
    @Path("/audit")
    public Uni<AuditPageView> audit(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        scope.requireRegion(region);
        UUID id = dramaId(dramaId);
        FieldCheck check = new FieldCheck();
        Long pageNumber = check.wholeNumber("page", check.number("page", page), 0, 1_000_000);
        Long pageSize = check.wholeNumber("size", check.number("size", size), 1, MAX_PAGE_SIZE);
        check.throwIfInvalid();
        return overrides.history(id, region, Math.toIntExact(pageNumber), Math.toIntExact(pageSize)).map(AuditPageView::of);
    }

    /** A malformed id names no drama: the same 404 as an unknown one. */
    static UUID dramaId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Drama " + value);
        }
    }
}
