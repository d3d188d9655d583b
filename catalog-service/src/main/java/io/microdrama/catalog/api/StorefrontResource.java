package io.microdrama.catalog.api;

import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;

/** What player apps read: LIVE dramas of one country, with the regional price and subtitle languages. Public. */
@Path("/api/v1/storefront/{region}/dramas")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontResource {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final Clock clock;

    public StorefrontResource(Mutiny.SessionFactory sessions, DramaRepository dramas, Clock clock) {
        this.sessions = sessions;
        this.dramas = dramas;
        this.clock = clock;
    }

    public record StorefrontDrama(String id, String title, List<String> genres, String originalLanguage, int episodes,
            Integer freeEpisodes, Integer coinsPerEpisode, DramaView.Price episodePrice, List<String> subtitleLanguages) {
    }

    public record Page(String region, int page, int size, List<StorefrontDrama> items) {
    }

    @GET
    public Uni<Page> live(@PathParam("region") String region, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (!RegionGroups.isCountry(region)) {
            throw ProblemException.notFound("Storefront '" + region + "'");
        }
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size between 1 and 100");
        }
        return sessions.withSession(session -> dramas.liveIn(session, region, clock.instant(), page * size, size))
                .map(entries -> new Page(region, page, size, entries.stream().map(entry -> new StorefrontDrama(
                        entry.drama().id.toString(), entry.drama().title, entry.drama().genres, entry.drama().originalLanguage,
                        entry.drama().episodes.size(), entry.rollout().freeEpisodes, entry.rollout().coinsPerEpisode,
                        DramaView.price(entry.rollout()), entry.rollout().subtitleLanguages)).toList()));
    }
}
