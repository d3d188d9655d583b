package io.microdrama.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The operations of the gateway's public API the console uses (gateway/src/main/resources/META-INF/openapi.yaml).
 * Answers stay JSON trees: the console only shows them, the contract is the gateway's document.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(SignedInUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface GatewayApi {

    @GET
    @Path("/api/v1/me")
    JsonNode me();

    @GET
    @Path("/api/v1/ops/regions/{region}/rollout")
    JsonNode regionRollout(@PathParam("region") String region, @QueryParam("state") String state,
            @QueryParam("blocker") String blocker, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/v1/ops/dramas/{dramaId}")
    JsonNode opsDrama(@PathParam("dramaId") String dramaId);

    @POST
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode hold(@PathParam("region") String region, @PathParam("dramaId") String dramaId, Reason reason);

    @POST
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/release")
    JsonNode release(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("reason") String reason);

    /**
     * The platform's audit trail, newest first, as far as the caller may see it; each filter is left out when null
     * (region: a country the action touched; actor: the name as recorded).
     */
    @GET
    @Path("/api/v1/audit")
    JsonNode audit(@QueryParam("dramaId") String dramaId, @QueryParam("region") String region,
            @QueryParam("actor") String actor, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing")
    JsonNode pricing(@PathParam("region") String region, @PathParam("dramaId") String dramaId);

    @PUT
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode overridePricing(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            PriceOverride override);

    @DELETE
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing")
    JsonNode removePricingOverride(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("reason") String reason);

    @GET
    @Path("/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing/audit")
    JsonNode pricingAudit(@PathParam("region") String region, @PathParam("dramaId") String dramaId,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/v1/ops/regions/{region}/repricing")
    JsonNode repricing(@PathParam("region") String region, @QueryParam("date") String date, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/api/v1/ops/regions/{region}/offers")
    JsonNode offers(@PathParam("region") String region, @QueryParam("date") String date);

    @GET
    @Path("/api/v1/localization/tasks")
    JsonNode tasks(@QueryParam("language") String language, @QueryParam("region") String region,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @PUT
    @Path("/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}")
    // text/plain: localization detects SRT or WebVTT from the content.
    @Consumes(MediaType.TEXT_PLAIN)
    JsonNode uploadSubtitle(@PathParam("dramaId") String dramaId, @PathParam("number") int episode,
            @PathParam("language") String language, String body);

    /** One track as WebVTT (the console previews its cues). */
    @GET
    @Path("/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}.vtt")
    @Produces("text/vtt")
    String readSubtitleVtt(@PathParam("dramaId") String dramaId, @PathParam("number") int episode,
            @PathParam("language") String language);

    @GET
    @Path("/api/v1/billing/reference/{kind}")
    JsonNode referenceInForce(@PathParam("kind") String kind);

    @GET
    @Path("/api/v1/billing/reference/{kind}/{key}")
    JsonNode referenceHistory(@PathParam("kind") String kind, @PathParam("key") String key);

    /** What a dated version (storefronts, ppp-factors, tiers) would change; billing stores nothing. */
    @POST
    @Path("/api/v1/billing/reference/{kind}/{key}/versions/{date}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode referenceVersionImpact(@PathParam("kind") String kind, @PathParam("key") String key,
            @PathParam("date") String date, java.util.Map<String, Object> body);

    @PUT
    @Path("/api/v1/billing/reference/{kind}/{key}/versions/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode addReferenceVersion(@PathParam("kind") String kind, @PathParam("key") String key,
            @PathParam("date") String date, java.util.Map<String, Object> body);

    /** What an FX snapshot as of {@code asOf} would change; billing stores nothing. */
    @POST
    @Path("/api/v1/billing/reference/fx-rates/{asOf}/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode fxRatesImpact(@PathParam("asOf") String asOf, java.util.Map<String, Object> body);

    @PUT
    @Path("/api/v1/billing/reference/fx-rates/{asOf}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode addFxRates(@PathParam("asOf") String asOf, java.util.Map<String, Object> body);

    @GET
    @Path("/api/v1/admin/studios")
    JsonNode studios();

    @GET
    @Path("/api/v1/admin/studios/{studioId}")
    JsonNode studio(@PathParam("studioId") String studioId);

    /** Registers a studio (201) or updates its name and whether it is active (200). */
    @PUT
    @Path("/api/v1/admin/studios/{studioId}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode registerStudio(@PathParam("studioId") String studioId, StudioRegistration studio);

    /** A drama's subtitle tracks the caller may see, each with its approval when one covers its current revision. */
    @GET
    @Path("/api/v1/localization/dramas/{dramaId}/subtitles")
    JsonNode subtitles(@PathParam("dramaId") String dramaId);

    /** The decision on one episode's current track in one language. */
    @PUT
    @Path("/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode approveTrack(@PathParam("dramaId") String dramaId, @PathParam("number") int episode,
            @PathParam("language") String language, ApprovalDecision decision);

    @GET
    @Path("/api/v1/billing/repricing")
    JsonNode repricingStatus();

    @GET
    @Path("/api/v1/localization/policy/changes")
    JsonNode languagePolicyChanges();

    @GET
    @Path("/api/v1/localization/policy/regions/{region}")
    JsonNode regionLanguagePolicy(@PathParam("region") String region);

    @GET
    @Path("/api/v1/localization/policy")
    JsonNode languagePolicy();

    @PUT
    @Path("/api/v1/localization/policy/regions/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode setRegionLanguages(@PathParam("region") String region, RegionLanguages languages);

    @PUT
    @Path("/api/v1/localization/dramas/{dramaId}/subtitles/{language}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode approveLanguage(@PathParam("dramaId") String dramaId, @PathParam("language") String language,
            ApprovalDecision decision);

    @DELETE
    @Path("/api/v1/localization/policy/regions/{region}")
    JsonNode removeRegionLanguages(@PathParam("region") String region);

    record Reason(String reason) {
    }

    record StudioRegistration(String name, boolean active) {
    }

    /** A person's decision on subtitles: APPROVED or REJECTED, with a comment (required to reject). */
    record ApprovalDecision(String decision, String comment) {
    }

    record PriceOverride(int coinsPerEpisode, int freeEpisodes, Integer seriesCoins, String reason) {
    }

    /**
     * A whole policy entry (the service replaces it): the approval fields are always sent, so saving the languages
     * never drops an approval rule by leaving them out.
     */
    record RegionLanguages(java.util.List<String> languages, boolean approvalRequired,
            java.util.Map<String, Boolean> approvalByLanguage) {
    }
}
