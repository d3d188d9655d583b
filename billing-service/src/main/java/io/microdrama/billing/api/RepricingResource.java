package io.microdrama.billing.api;

import io.microdrama.billing.application.Repricing;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Re-pricing as ops see it: before a dated reference-data change comes into force, which prices of their region it
 * changes (old and new, overrides marked). How far the sweep has got: {@link RepricingStatusResource}.
 */
@Path("/api/v1/ops/regions/{region}/repricing")
@RolesAllowed({ "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class RepricingResource {

    private final Repricing repricing;
    private final CallerScope scope;

    public RepricingResource(Repricing repricing, CallerScope scope) {
        this.repricing = repricing;
        this.scope = scope;
    }

    /** {@code ?date=yyyy-mm-dd} prices another day than the next dated change; paged like the audit trail. */
    @GET
    public Uni<RepricingView.PreviewView> preview(@PathParam("region") String region, @QueryParam("date") String date,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        scope.requireRegion(region);
        FieldCheck check = new FieldCheck();
        Optional<LocalDate> day = date == null ? Optional.empty() : Optional.ofNullable(check.date("date", date));
        Long pageNumber = check.wholeNumber("page", check.number("page", page), 0, 1_000_000);
        Long pageSize = check.wholeNumber("size", check.number("size", size), 1, OpsPricingResource.MAX_PAGE_SIZE);
        check.throwIfInvalid();
        return repricing.preview(region, day, Math.toIntExact(pageNumber), Math.toIntExact(pageSize))
                .map(RepricingView.PreviewView::of);
    }
}
