package io.microdrama.billing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.billing.config.BillingConfig;
import io.microdrama.billing.application.CurrentPricing;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.offer.StorefrontOffers;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the apps show in a storefront's shop: coin packs and the weekly VIP pass at today's local prices. Public
 * (no token). Cacheable: the ETag is a hash of the answer, so it changes exactly when a price, the date or the
 * storefront changes, and {@code If-None-Match} gets a 304.
 */
@Path("/api/v1/storefront/{region}/offers")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontOffersResource {

    private final CurrentPricing currentPricing;
    private final ObjectMapper json;
    private final BillingConfig config;

    public StorefrontOffersResource(CurrentPricing currentPricing, ObjectMapper json, BillingConfig config) {
        this.currentPricing = currentPricing;
        this.json = json;
        this.config = config;
    }

    @GET
    public Uni<Response> offers(@PathParam("region") String region, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LocalDate today = currentPricing.today();
        return currentPricing.pricing().map(pricing -> {
            OffersView view = OffersView.publicView(region, today, offersOf(region, today, pricing));
            EntityTag tag = etag(view);
            CacheControl cache = new CacheControl();
            cache.setMaxAge(config.offers().cacheMaxAgeSeconds());
            cache.setPrivate(false);
            if (matches(ifNoneMatch, tag)) {
                return Response.notModified(tag).cacheControl(cache).build();
            }
            return Response.ok(view).tag(tag).cacheControl(cache).build();
        });
    }

    static StorefrontOffers offersOf(String region, LocalDate date, Pricing pricing) {
        try {
            return pricing.offersAt(region, date);
        } catch (UnknownStorefrontException e) {
            throw ProblemException.notFound("A storefront for region " + region + " on " + date);
        }
    }

    private EntityTag etag(OffersView view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(view));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot compute the ETag of the offers", e);
        }
    }

    /** RFC 9110 weak comparison: {@code *}, or any listed tag equal to ours with or without {@code W/}. */
    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals("\"" + tag.getValue() + "\""));
    }
}
