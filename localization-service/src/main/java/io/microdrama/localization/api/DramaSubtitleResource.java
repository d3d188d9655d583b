package io.microdrama.localization.api;

import io.microdrama.localization.api.TrackViews.ApprovalAnswer;
import io.microdrama.localization.api.TrackViews.ApprovalRequest;
import io.microdrama.localization.api.TrackViews.BulkApprovalAnswer;
import io.microdrama.localization.api.TrackViews.TrackList;
import io.microdrama.localization.application.ApprovalService;
import io.microdrama.localization.domain.Approval;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
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

import java.util.List;
import java.util.UUID;

/**
 * Subtitles of a drama named by catalog's id: localizers upload and read in their languages, the owning studio and
 * admins everything, ops read the dramas planned in their regions and approve or reject tracks where their policy
 * requires it (see {@link SubtitleAccess}).
 */
@Path("/api/v1/localization/dramas/{dramaId}")
public class DramaSubtitleResource {

    private final SubtitleEndpoints endpoints;
    private final ApprovalService approvals;
    private final SubtitleAccess access;
    private final Caller caller;

    public DramaSubtitleResource(SubtitleEndpoints endpoints, ApprovalService approvals, SubtitleAccess access, Caller caller) {
        this.endpoints = endpoints;
        this.approvals = approvals;
        this.access = access;
        this.caller = caller;
    }

    /**
     * Approve or reject one track (its current revision): ops of a country that wants the language approved, or an
     * admin; never the uploader of that revision (403, four-eyes). Only a QC-accepted track (409 otherwise).
     */
    @PUT
    @Path("/episodes/{number}/subtitles/{language}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.OPS, Caller.ADMIN })
    public Uni<ApprovalAnswer> approve(@PathParam("dramaId") UUID dramaId, @PathParam("number") int number,
            @PathParam("language") String languageSegment, ApprovalRequest body) {
        SubtitleHttp.requireEpisodeNumber(number);
        String language = SubtitleHttp.requireLanguage(languageSegment);
        return approvals.decide(dramaId, number, language, request(body), access.approve(language)).map(ApprovalAnswer::of);
    }

    /** The same decision on every episode's current track in the language, in one transaction; one result per episode. */
    @PUT
    @Path("/subtitles/{language}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.OPS, Caller.ADMIN })
    public Uni<BulkApprovalAnswer> approveAll(@PathParam("dramaId") UUID dramaId, @PathParam("language") String languageSegment,
            ApprovalRequest body) {
        String language = SubtitleHttp.requireLanguage(languageSegment);
        return approvals.decideAll(dramaId, language, request(body), access.approve(language)).map(BulkApprovalAnswer::of);
    }

    private ApprovalService.Request request(ApprovalRequest body) {
        if (body == null || body.decision() == null) {
            throw ProblemException.invalid(List.of(new FieldError("decision", "must be APPROVED or REJECTED")));
        }
        Approval.Decision decision = switch (body.decision()) {
            case "APPROVED" -> Approval.Decision.APPROVED;
            case "REJECTED" -> Approval.Decision.REJECTED;
            default -> throw ProblemException.invalid(List.of(new FieldError("decision", "must be APPROVED or REJECTED")));
        };
        return new ApprovalService.Request(decision, body.comment(), caller.name());
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
