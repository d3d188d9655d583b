package io.microdrama.localization.api;

import io.microdrama.localization.api.SubtitleHttp.LanguageSegment;
import io.microdrama.localization.api.SubtitleHttp.Representation;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.localization.api.TrackViews.BulkAnswer;
import io.microdrama.localization.api.TrackViews.BulkFileRequest;
import io.microdrama.localization.api.TrackViews.BulkRequest;
import io.microdrama.localization.api.TrackViews.TrackList;
import io.microdrama.localization.api.TrackViews.TrackView;
import io.microdrama.localization.api.TrackViews.UploadAnswer;
import io.microdrama.localization.application.OffTheEventLoop;
import io.microdrama.localization.application.TrackService;
import io.microdrama.localization.application.TrackService.DramaRef;
import io.microdrama.localization.config.SubtitleConfig;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    private final SubtitleConfig config;
    private final ObjectMapper json;

    public SubtitleEndpoints(TrackService service, SubtitleAccess access, Caller caller, SubtitleConfig config,
            ObjectMapper json) {
        this.service = service;
        this.access = access;
        this.caller = caller;
        this.config = config;
        this.json = json;
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

    /**
     * All files of one drama in one language, as JSON ({@link BulkRequest}): the request as a whole is refused for a
     * body over {@code SUBTITLE_BULK_MAX_BYTES} (413), unreadable JSON (400), too many files, an episode below 1, a
     * file without content or an unknown format (422); otherwise 200 with one result per file. The JSON is read on a
     * worker thread, like the files' parsing and QC.
     */
    Uni<BulkAnswer> bulkUpload(DramaRef drama, String languageSegment, byte[] body) {
        String language = SubtitleHttp.requireLanguage(languageSegment);
        if (body == null || body.length == 0) {
            throw new ProblemException(400, "Bad Request", "The body must be a JSON object {\"files\": [...]}",
                    List.of(new FieldError("body", "is empty")));
        }
        if (body.length > config.bulkMaxBytes()) {
            throw new ProblemException(413, "Content Too Large", "A bulk upload is at most " + config.bulkMaxBytes()
                    + " bytes; this one is " + body.length + ". Split the files over several requests.",
                    List.of(new FieldError("body", "is larger than " + config.bulkMaxBytes() + " bytes")));
        }
        return OffTheEventLoop.run(() -> bulkFiles(json.readValue(body, BulkRequest.class)))
                .flatMap(files -> service.bulkUpload(drama, new TrackService.BulkUpload(language, files, caller.name()),
                        access.upload(language)))
                .map(BulkAnswer::of);
    }

    private List<TrackService.BulkFile> bulkFiles(BulkRequest request) {
        if (request == null || request.files() == null || request.files().isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", "A bulk upload needs at least one file",
                    List.of(new FieldError("files", "must list at least one file")));
        }
        if (request.files().size() > config.bulkMaxFiles()) {
            throw new ProblemException(422, "Unprocessable Content", "A bulk upload takes at most " + config.bulkMaxFiles()
                    + " files; this one has " + request.files().size() + ". Split them over several requests.",
                    List.of(new FieldError("files", "must list at most " + config.bulkMaxFiles() + " files")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<TrackService.BulkFile> files = new ArrayList<>();
        for (int i = 0; i < request.files().size(); i++) {
            BulkFileRequest file = request.files().get(i);
            String at = "files[" + i + "]";
            if (file == null) {
                errors.add(new FieldError(at, "must be an object {episode, format, content}"));
                continue;
            }
            if (file.episode() == null || file.episode() < 1) {
                errors.add(new FieldError(at + ".episode", "must be 1 or more"));
            }
            if (file.content() == null) {
                errors.add(new FieldError(at + ".content", "is required: the file's text"));
            }
            SubtitleFormat format = null;
            if (file.format() != null) {
                switch (file.format()) {
                    case "SRT" -> format = SubtitleFormat.SRT;
                    case "WEBVTT" -> format = SubtitleFormat.WEBVTT;
                    default -> errors.add(new FieldError(at + ".format", "must be SRT or WEBVTT (or absent to detect it)"));
                }
            }
            if (errors.isEmpty()) {
                files.add(new TrackService.BulkFile(file.episode(), format, file.content().getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", "The request has " + errors.size()
                    + " invalid field(s); nothing was stored", errors);
        }
        return files;
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
