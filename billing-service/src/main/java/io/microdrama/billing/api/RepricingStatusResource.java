package io.microdrama.billing.api;

import io.microdrama.billing.application.Repricing;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For admins: the reference revision and pricing date the re-pricing sweep prices against, and how far it got. */
@Path("/api/v1/billing/repricing")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RepricingStatusResource {

    private final Repricing repricing;

    public RepricingStatusResource(Repricing repricing) {
        this.repricing = repricing;
    }

    @GET
    public Uni<RepricingView.StatusView> status() {
        return repricing.status().map(RepricingView.StatusView::of);
    }
}
