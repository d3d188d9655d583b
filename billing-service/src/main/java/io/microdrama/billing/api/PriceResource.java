package io.microdrama.billing.api;

import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.reactive.mutiny.Mutiny;

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

    private final Mutiny.SessionFactory sessions;
    private final Caller caller;

    public PriceResource(Mutiny.SessionFactory sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    public record RegionPrice(String region, long dramaVersion, String pricingTier, String currency, long amountMinor,
            int minorUnits, boolean taxInclusive, int coinsPerEpisode, int freeEpisodes, int seriesCoins, boolean active,
            String source) {
    }

    @GET
    public Uni<List<RegionPrice>> prices(@PathParam("dramaId") String id) {
        UUID dramaId = OpsPricingResource.dramaId(id);
        return sessions.withSession(session -> session
                .createSelectionQuery("from DramaPriceRow where key.dramaId = :drama order by key.region", DramaPriceRow.class)
                .setParameter("drama", dramaId).getResultList())
                .map(rows -> {
                    List<RegionPrice> visible = rows.stream()
                            .filter(row -> caller.mayReadStudio(row.studioId) || caller.coversRegion(row.key.region()))
                            .map(row -> new RegionPrice(row.key.region(), row.dramaVersion, row.pricingTier, row.currency,
                                    row.amountMinor, row.minorUnits, row.taxInclusive, row.coinsPerEpisode, row.freeEpisodes,
                                    row.seriesCoins, row.active, row.source))
                            .toList();
                    if (visible.isEmpty()) {
                        throw ProblemException.notFound("Prices of drama " + dramaId);
                    }
                    return visible;
                });
    }
}
