package io.microdrama.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.StorefrontCache;
import io.microdrama.catalog.application.StorefrontService;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What player apps read: LIVE dramas of one country with the regional price and subtitle languages, newest
 * first. Titles and synopses follow Accept-Language when the studio localized them. Answers come rendered from
 * memory (see {@code StorefrontService}); they carry a strong ETag, a short max-age with stale-while-revalidate and
 * {@code Vary: Accept-Language, Accept-Encoding}; a matching If-None-Match gets 304, gzip goes to who accepts it.
 */
@Path("/api/v1/storefront/{region}/dramas")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontResource {

    static final String ACCEPT_ENCODING = "Accept-Encoding";
    /** Both change the bytes of an answer at the same URL. */
    static final String VARY = "Accept-Language, Accept-Encoding";
    static final String GZIP_TAG_SUFFIX = "-gzip";
    private static final int MAX_SIZE = 100;

    private final StorefrontService storefront;
    private final ObjectMapper json;
    private final String cacheControl;

    public StorefrontResource(StorefrontService storefront, ObjectMapper json,
            @ConfigProperty(name = "catalog.storefront.http.max-age") Duration maxAge,
            @ConfigProperty(name = "catalog.storefront.http.stale-while-revalidate") Duration staleWhileRevalidate) {
        this.storefront = storefront;
        this.json = json;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds();
    }

    public record StorefrontDrama(String id, String title, List<String> genres, String originalLanguage, int episodes,
            String coverImageUri, int freeEpisodes, int coinsPerEpisode, DramaView.Price episodePrice,
            List<String> subtitleLanguages, String ageRating) {
        static StorefrontDrama of(StorefrontListing listing) {
            return new StorefrontDrama(listing.id().toString(), listing.title(), listing.genres(), listing.originalLanguage(),
                    listing.episodeCount(), listing.coverImageUri(), listing.freeEpisodes(), listing.coinsPerEpisode(),
                    new DramaView.Price(listing.currency(), listing.priceMinor(), listing.minorUnits()),
                    listing.subtitleLanguages(), listing.ageRating());
        }
    }

    public record Page(String region, int page, int size, boolean hasMore, List<StorefrontDrama> items) {
    }

    public record StorefrontEpisode(int number, String title, int durationSeconds, boolean free) {
    }

    public record StorefrontDramaDetail(StorefrontDrama drama, String synopsis, List<StorefrontEpisode> episodes) {
    }

    @GET
    public Uni<Response> live(@PathParam("region") String region, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size, @QueryParam("genre") String genre,
            @QueryParam("language") String language, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(ACCEPT_ENCODING) String acceptEncoding) {
        requireStorefront(region);
        if (page < 0 || page > 10_000 || size < 1 || size > MAX_SIZE) {
            throw new ProblemException(400, "Bad Request", "page must be 0..10000 and size 1.." + MAX_SIZE);
        }
        String genreFilter = genre == null || genre.isBlank() ? null : genre.strip().toLowerCase(Locale.ROOT);
        String languageFilter = language == null || language.isBlank() ? null : canonicalLanguage(language);
        String display = displayLanguage(acceptLanguage, languageFilter);
        return storefront.page(new StorefrontService.PageKey(region, genreFilter, languageFilter, display, page, size),
                        listings -> render(new Page(region, page, size, listings.size() > size,
                                listings.stream().limit(size).map(StorefrontDrama::of).toList())))
                .map(rendered -> answer(rendered, ifNoneMatch, acceptEncoding));
    }

    @GET
    @Path("/{dramaId}")
    public Uni<Response> one(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(ACCEPT_ENCODING) String acceptEncoding) {
        requireStorefront(region);
        UUID id = parseId(dramaId, region);
        return storefront.drama(new StorefrontService.DramaKey(region, id, displayLanguage(acceptLanguage, null)), detail -> {
            int free = detail.listing().freeEpisodes();
            List<StorefrontEpisode> episodes = detail.episodes().stream().map((Episode e) -> new StorefrontEpisode(
                    e.number(), e.title(), e.durationSeconds(), e.number() <= free)).toList();
            return render(new StorefrontDramaDetail(StorefrontDrama.of(detail.listing()), detail.listing().synopsis(), episodes));
        }).map(rendered -> {
            if (rendered.absent()) {
                throw ProblemException.notFound("Drama " + dramaId + " in storefront " + region);
            }
            return answer(rendered, ifNoneMatch, acceptEncoding);
        });
    }

    private byte[] render(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cached answer as this request gets it: 304 when If-None-Match names it (no database involved), else the
     * gzipped bytes when the client accepts gzip, the plain ones otherwise. The two encodings are two representations,
     * so they carry two strong ETags ({@code "h"} and {@code "h-gzip"}); If-None-Match matches either (weak comparison).
     */
    Response answer(StorefrontCache.Rendered rendered, String ifNoneMatch, String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding);
        EntityTag tag = new EntityTag(gzip ? rendered.etag() + GZIP_TAG_SUFFIX : rendered.etag());
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + rendered.etag()) || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY).build();
        }
        Response.ResponseBuilder ok = Response.ok(gzip ? rendered.gzipped() : rendered.body(), MediaType.APPLICATION_JSON_TYPE)
                .tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY);
        return gzip ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").build() : ok.build();
    }

    /** Whether Accept-Encoding allows gzip (or any coding, {@code *}) with a weight above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static void requireStorefront(String region) {
        if (!RegionGroups.isCountry(region)) {
            throw ProblemException.notFound("Storefront '" + region + "'");
        }
    }

    private static UUID parseId(String dramaId, String region) {
        try {
            return UUID.fromString(dramaId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Drama " + dramaId + " in storefront " + region);
        }
    }

    private static String canonicalLanguage(String language) {
        if (!LanguageTags.isKnown(language.strip())) {
            throw new ProblemException(400, "Bad Request", "language must be a BCP-47 tag such as ja or es-419");
        }
        return LanguageTags.canonical(language.strip());
    }

    /** The first tag of Accept-Language (weights ignored: apps send one), else the language filter. */
    private static String displayLanguage(String acceptLanguage, String languageFilter) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            String first = acceptLanguage.split(",")[0].split(";")[0].strip();
            if (LanguageTags.isKnown(first)) {
                return LanguageTags.canonical(first);
            }
        }
        return languageFilter;
    }
}
