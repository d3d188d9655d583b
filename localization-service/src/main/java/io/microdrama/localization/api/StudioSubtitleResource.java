package io.microdrama.localization.api;

import io.microdrama.localization.api.TrackViews.BulkAnswer;
import io.microdrama.localization.api.TrackViews.TrackList;
import io.microdrama.localization.application.TrackService.DramaRef;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Subtitles of a studio's own drama, named by the studio's external id. The studio comes from the token's
 * {@code studio_id}; a drama of another studio, or one not published yet, does not exist here (404).
 */
@Path("/api/v1/studio/dramas/{externalId}")
@RolesAllowed(Caller.STUDIO)
public class StudioSubtitleResource {

    private final SubtitleEndpoints endpoints;
    private final Caller caller;

    public StudioSubtitleResource(SubtitleEndpoints endpoints, Caller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    /** Body: SRT or WebVTT, UTF-8. Answer: the stored track and its QC report. */
    @PUT
    @Path("/episodes/{number}/subtitles/{language}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> upload(@PathParam("externalId") String externalId, @PathParam("number") int number,
            @PathParam("language") String language, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return endpoints.upload(drama(externalId), number, language, headers, body, uri);
    }

    /**
     * Every file of the drama in one language at once: JSON {@code {"files":[{"episode":1,"format":"SRT",
     * "content":"..."}]}}; the answer has one result per file (stored, unchanged, QC failed, refused).
     */
    @POST
    @Path("/subtitles/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<BulkAnswer> bulkUpload(@PathParam("externalId") String externalId, @PathParam("language") String language,
            byte[] body) {
        return endpoints.bulkUpload(drama(externalId), language, body);
    }

    /** The track as WebVTT ({@code .vtt} or Accept text/vtt, the default), SRT ({@code .srt}) or JSON ({@code .json}). */
    @GET
    @Path("/episodes/{number}/subtitles/{language}")
    public Uni<Response> read(@PathParam("externalId") String externalId, @PathParam("number") int number,
            @PathParam("language") String language, @Context HttpHeaders headers) {
        return endpoints.read(drama(externalId), number, language, headers);
    }

    @GET
    @Path("/subtitles")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<TrackList> list(@PathParam("externalId") String externalId) {
        return endpoints.list(drama(externalId));
    }

    private DramaRef drama(String externalId) {
        return DramaRef.byExternalId(caller.requireStudioId(), externalId);
    }
}
