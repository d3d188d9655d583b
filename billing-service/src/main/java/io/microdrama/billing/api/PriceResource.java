package io.microdrama.billing.api;

import io.microdrama.billing.application.DramaPrices;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * Prices of a drama per region: its studio and admins see all regions, ops only their own; anyone else (another
 * studio, ops of other regions) gets 404, as if the drama did not exist. Localizers and anonymous callers are
 * refused (403 / 401).
 */
@Path("/api/v1/billing/dramas/{dramaId}/prices")
@RolesAllowed({ "studio", "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

    private final DramaPrices dramaPrices;
    private final Caller caller;

    public PriceResource(DramaPrices dramaPrices, Caller caller) {
        this.dramaPrices = dramaPrices;
        this.caller = caller;
    }

    public record RegionPrice(String region, long dramaVersion, String pricingTier, String currency, long amountMinor,
            int minorUnits, boolean taxInclusive, int coinsPerEpisode, int freeEpisodes, int seriesCoins, boolean active,
            String source, Long usdEquivalentMinor) {
    }

    @GET
    public Uni<List<RegionPrice>> prices(@PathParam("dramaId") String id) {
        UUID dramaId = OpsPricingResource.dramaId(id);
        return dramaPrices.of(dramaId)
                .map(prices -> {
                    List<RegionPrice> visible = prices.stream()
                            .filter(priced -> caller.mayReadStudio(priced.price().studioId())
                                    || caller.coversRegion(priced.price().region()))
                            .map(priced -> {
                                var price = priced.price();
                                return new RegionPrice(price.region(), price.dramaVersion(), price.pricingTier(),
                                        price.currency(), price.amountMinor(), price.minorUnits(), price.taxInclusive(),
                                        price.coinsPerEpisode(), price.freeEpisodes(), price.seriesCoins(), price.active(),
                                        price.source(), priced.usdEquivalentCents());
                            })
                            .toList();
                    if (visible.isEmpty()) {
                        throw ProblemException.notFound("Prices of drama " + dramaId);
                    }
                    return visible;
                });
    }
}
