package io.microdrama.localization.api;

import io.microdrama.localization.api.SubtitleHttp.LanguageSegment;
import io.microdrama.localization.api.SubtitleHttp.Representation;
import io.microdrama.localization.api.TrackViews.TrackList;
import io.microdrama.localization.api.TrackViews.TrackView;
import io.microdrama.localization.api.TrackViews.UploadAnswer;
import io.microdrama.localization.application.TrackService;
import io.microdrama.localization.application.TrackService.DramaRef;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * What the studio path (by external id) and the localization path (by drama id) share: upload, read one track,
 * list a drama's tracks. The resources only say how the drama is named and who may call.
 */
@RequestScoped
public class SubtitleEndpoints {

    private final TrackService service;
    private final SubtitleAccess access;
    private final Caller caller;

    public SubtitleEndpoints(TrackService service, SubtitleAccess access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    /** 201 for a new track, 200 for a new revision or an identical re-upload, 422 (stored) when QC failed. */
    Uni<Response> upload(DramaRef drama, int number, String languageSegment, HttpHeaders headers, byte[] body, UriInfo uri) {
        SubtitleHttp.requireEpisodeNumber(number);
        LanguageSegment segment = LanguageSegment.parse(languageSegment);
        SubtitleFormat declared = SubtitleHttp.declaredFormat(segment, headers.getMediaType());
        TrackService.Upload upload = new TrackService.Upload(number, segment.language(), body == null ? new byte[0] : body,
                declared, caller.name());
        return service.upload(drama, upload, access.upload(segment.language())).map(result -> {
            boolean failed = result.track().status() == QcVerdict.QC_FAILED;
            Response.ResponseBuilder answer = failed ? Response.status(422).type(Problem.MEDIA_TYPE)
                    : result.created() ? Response.created(uri.getRequestUriBuilder().build()).type(MediaType.APPLICATION_JSON)
                    : Response.ok().type(MediaType.APPLICATION_JSON);
            return answer.tag(new EntityTag(Long.toString(result.track().revision())))
                    .entity(UploadAnswer.of(result.drama(), result.track(), result.changed()))
                    .build();
        });
    }

    /** The track as WebVTT, SRT or JSON (metadata and QC report); private to the caller, revalidated on every use. */
    Uni<Response> read(DramaRef drama, int number, String languageSegment, HttpHeaders headers) {
        SubtitleHttp.requireEpisodeNumber(number);
        LanguageSegment segment = LanguageSegment.parse(languageSegment);
        Representation wanted = SubtitleHttp.wanted(segment, headers.getAcceptableMediaTypes());
        return service.find(drama, number, segment.language(), access.read(segment.language())).map(found -> switch (wanted) {
            case JSON -> Response.ok(TrackView.of(found.drama(), found.track(), true), MediaType.APPLICATION_JSON)
                    .tag(new EntityTag(Long.toString(found.track().revision()))).build();
            case WEBVTT, SRT -> SubtitleHttp.file(found.track(),
                    wanted == Representation.WEBVTT ? SubtitleFormat.WEBVTT : SubtitleFormat.SRT,
                    headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), "private, no-cache", SubtitleHttp.fileName(found.track()));
        });
    }

    Uni<TrackList> list(DramaRef drama) {
        AtomicReference<Predicate<String>> visible = new AtomicReference<>();
        return service.list(drama, (found, plannedRegions) -> {
            visible.set(access.listableLanguages(found, plannedRegions));
            return "reader";
        }).map(listing -> new TrackList(listing.drama().id().toString(), listing.drama().externalId(),
                listing.drama().episodeCount(), listing.tracks().stream()
                        .filter(track -> visible.get().test(track.language()))
                        .map(track -> TrackView.of(listing.drama(), track)).toList()));
    }
}
