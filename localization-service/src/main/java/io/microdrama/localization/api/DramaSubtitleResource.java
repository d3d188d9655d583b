package io.microdrama.localization.api;

import io.microdrama.localization.api.TrackViews.TrackList;
import io.microdrama.localization.application.TrackService.DramaRef;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/**
 * Subtitles of a drama named by catalog's id: localizers upload and read in their languages, the owning studio and
 * admins everything, ops read the dramas planned in their regions (see {@link SubtitleAccess}).
 */
@Path("/api/v1/localization/dramas/{dramaId}")
public class DramaSubtitleResource {

    private final SubtitleEndpoints endpoints;

    public DramaSubtitleResource(SubtitleEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Body: SRT or WebVTT, UTF-8. Answer: the stored track and its QC report. */
    @PUT
    @Path("/episodes/{number}/subtitles/{language}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Caller.LOCALIZER, Caller.STUDIO, Caller.ADMIN })
    public Uni<Response> upload(@PathParam("dramaId") UUID dramaId, @PathParam("number") int number,
            @PathParam("language") String language, @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return endpoints.upload(DramaRef.byId(dramaId), number, language, headers, body, uri);
    }

    /** The track as WebVTT ({@code .vtt} or Accept text/vtt, the default), SRT ({@code .srt}) or JSON ({@code .json}). */
    @GET
    @Path("/episodes/{number}/subtitles/{language}")
    @RolesAllowed({ Caller.LOCALIZER, Caller.STUDIO, Caller.OPS, Caller.ADMIN })
    public Uni<Response> read(@PathParam("dramaId") UUID dramaId, @PathParam("number") int number,
            @PathParam("language") String language, @Context HttpHeaders headers) {
        return endpoints.read(DramaRef.byId(dramaId), number, language, headers);
    }

    /** Every track of the drama the caller may see (a localizer: its languages), without cues. */
    @GET
    @Path("/subtitles")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.LOCALIZER, Caller.STUDIO, Caller.OPS, Caller.ADMIN })
    public Uni<TrackList> list(@PathParam("dramaId") UUID dramaId) {
        return endpoints.list(DramaRef.byId(dramaId));
    }
}
