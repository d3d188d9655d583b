package io.microdrama.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What player apps read: LIVE dramas of one country with the regional price and subtitle languages, newest
 * first. Public and cacheable: answers carry an ETag (a strong hash of the body) and a short max-age, and a
 * matching If-None-Match gets 304. Titles and synopses follow Accept-Language when the studio localized them.
 */
@Path("/api/v1/storefront/{region}/dramas")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontResource {

    static final CacheControl CACHE = CacheControl.valueOf("public, max-age=30");
    private static final int MAX_SIZE = 100;

    private final StorefrontService storefront;
    private final ObjectMapper json;

    public StorefrontResource(StorefrontService storefront, ObjectMapper json) {
        this.storefront = storefront;
        this.json = json;
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
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        requireStorefront(region);
        if (page < 0 || page > 10_000 || size < 1 || size > MAX_SIZE) {
            throw new ProblemException(400, "Bad Request", "page must be 0..10000 and size 1.." + MAX_SIZE);
        }
        String genreFilter = genre == null || genre.isBlank() ? null : genre.strip().toLowerCase(Locale.ROOT);
        String languageFilter = language == null || language.isBlank() ? null : canonicalLanguage(language);
        String display = displayLanguage(acceptLanguage, languageFilter);
        // One extra row tells whether another page exists without counting the whole region.
        return storefront.live(region, genreFilter, languageFilter, display, page * size, size + 1)
                .map(listings -> cacheable(new Page(region, page, size, listings.size() > size,
                        listings.stream().limit(size).map(StorefrontDrama::of).toList()), ifNoneMatch));
    }

    @GET
    @Path("/{dramaId}")
    public Uni<Response> one(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        requireStorefront(region);
        UUID id = parseId(dramaId, region);
        return storefront.liveDrama(region, id, displayLanguage(acceptLanguage, null)).map(detail -> {
            if (detail == null) {
                throw ProblemException.notFound("Drama " + dramaId + " in storefront " + region);
            }
            int free = detail.listing().freeEpisodes();
            List<StorefrontEpisode> episodes = detail.episodes().stream().map((Episode e) -> new StorefrontEpisode(
                    e.number(), e.title(), e.durationSeconds(), e.number() <= free)).toList();
            return cacheable(new StorefrontDramaDetail(StorefrontDrama.of(detail.listing()), detail.listing().synopsis(),
                    episodes), ifNoneMatch);
        });
    }

    private Response cacheable(Object body, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = new EntityTag(sha256(bytes));
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified(tag).cacheControl(CACHE).build();
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(CACHE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
