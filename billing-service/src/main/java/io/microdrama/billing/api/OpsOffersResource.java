package io.microdrama.billing.api;

import io.microdrama.billing.application.CurrentPricing;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;

/**
 * A region's offers for its ops, with what each price was computed from (anchor, exact target, FX snapshot,
 * purchasing-power factor, ladder). {@code ?date=yyyy-mm-dd} shows the prices of another day, e.g. before and
 * after a dated storefront or FX change (Bulgaria: BGN until 2025-12-31, EUR from 2026-01-01).
 */
@Path("/api/v1/ops/regions/{region}/offers")
@RolesAllowed({ "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class OpsOffersResource {

    private final CurrentPricing currentPricing;
    private final CallerScope scope;

    public OpsOffersResource(CurrentPricing currentPricing, CallerScope scope) {
        this.currentPricing = currentPricing;
        this.scope = scope;
    }

    @GET
    public Uni<OffersView> offers(@PathParam("region") String region, @QueryParam("date") String date) {
        scope.requireRegion(region);
        LocalDate day = date == null ? currentPricing.today() : parseDate(date);
        return currentPricing.pricing().map(pricing ->
                OffersView.opsView(region, day, StorefrontOffersResource.offersOf(region, day, pricing), pricing));
    }

    private static LocalDate parseDate(String date) {
        FieldCheck check = new FieldCheck();
        LocalDate day = check.date("date", date);
        check.throwIfInvalid();
        return day;
    }
}
