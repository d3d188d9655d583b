package io.microdrama.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.console.gateway.Gateway;
import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.CuePreview;
import io.microdrama.console.view.ProblemWords;
import io.microdrama.console.view.QcTimeline;
import io.microdrama.console.view.Views;
import io.microdrama.subtitles.SubtitleIngest;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Localizers: the task queue in their languages, upload of one episode's subtitles, the QC report finding by finding. */
@Path("/localizer")
@Produces(MediaType.TEXT_HTML)
public class LocalizerPages {

    private static final int PAGE_SIZE = 50;
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    private final Gateway gateway;
    private final CurrentCaller caller;
    private final Template tasks;
    private final Template upload;
    private final Template preview;

    @Inject
    public LocalizerPages(Gateway gateway, CurrentCaller caller, @Location("tasks") Template tasks, @Location("upload") Template upload,
            @Location("preview") Template preview) {
        this.preview = preview;
        this.gateway = gateway;
        this.caller = caller;
        this.tasks = tasks;
        this.upload = upload;
    }

    @GET
    @Path("tasks")
    public TemplateInstance tasks(@RestQuery String language, @RestQuery @DefaultValue("0") int page) {
        String languageFilter = language == null || language.isBlank() ? null : language.trim();
        int pageIndex = Math.max(0, page);
        JsonNode answer = gateway.call(api -> api.tasks(languageFilter, null, pageIndex, PAGE_SIZE));
        return tasks.data("caller", caller.get()).data("tasks", Views.tasks(answer)).data("language", languageFilter)
                .data("page", pageIndex).data("total", answer.path("total").asLong(answer.path("items").size()));
    }

    /** One cue of a stored track on a 9:16 phone frame (the track read as WebVTT through the gateway). */
    @GET
    @Path("preview")
    public TemplateInstance preview(@RestQuery String dramaId, @RestQuery @DefaultValue("1") int episode,
            @RestQuery String language, @RestQuery Integer cue) {
        String id = OpsPages.id(dramaId);
        if (language == null || !LANGUAGE.matcher(language.trim()).matches() || episode < 1) {
            throw new GatewayProblem(404, null, "not a track");
        }
        String tag = language.trim();
        String vtt = gateway.call(api -> api.readSubtitleVtt(id, episode, tag));
        return preview.data("caller", caller.get()).data("dramaId", id).data("episode", episode)
                .data("preview", CuePreview.of(vtt, tag, cue));
    }

    @GET
    @Path("upload")
    public TemplateInstance uploadForm(@RestQuery String dramaId, @RestQuery String episode, @RestQuery String language) {
        return upload.data("caller", caller.get()).data("dramaId", dramaId).data("episode", episode).data("language", language)
                .data("report", null).data("outcome", null).data("problem", null);
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String dramaId, @RestForm String episode, @RestForm String language,
            @RestForm("file") FileUpload file) {
        TemplateInstance page = upload.data("caller", caller.get()).data("dramaId", dramaId).data("episode", episode)
                .data("language", language);
        int number;
        try {
            number = Integer.parseInt(episode == null ? "" : episode.trim());
            OpsPages.id(dramaId);
        } catch (NumberFormatException | GatewayProblem invalid) {
            return answer(page.data("report", null).data("outcome", null).data("problem", new ProblemWords.Explanation(422,
                    "The drama id and episode number are needed.", null, List.of())), 422);
        }
        if (language == null || !LANGUAGE.matcher(language.trim()).matches() || file == null || file.size() == 0) {
            return answer(page.data("report", null).data("outcome", null).data("problem", new ProblemWords.Explanation(422,
                    "Choose a language and a non-empty WebVTT or SRT file.", null, List.of())), 422);
        }
        String body;
        try {
            body = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return answer(page.data("report", null).data("outcome", null).data("problem", new ProblemWords.Explanation(422,
                    "The file could not be read as UTF-8 text.", null, List.of())), 422);
        }
        try {
            JsonNode answer = gateway.call(api -> api.uploadSubtitle(dramaId.trim(), number, language.trim(), body));
            return answer(page.data("report", Views.qcReport(answer, cues(body))).data("problem", null)
                    .data("outcome", "Accepted: revision " + answer.path("revision").asText() + "."), 200);
        } catch (GatewayProblem problem) {
            boolean qcFailed = problem.status() == 422 && problem.body() != null && problem.body().has("report");
            return answer(page.data("report", qcFailed ? Views.qcReport(problem.body(), cues(body)) : null).data("outcome", null)
                    .data("problem", qcFailed
                            ? new ProblemWords.Explanation(422, "The file was stored but failed quality checks. "
                                    + "Fix the findings below and upload again.", null, List.of())
                            : ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    /**
     * The cues of the file just uploaded, for the QC timeline: parsed here with the platform's own subtitle library
     * (linear in the file, which the upload limit bounds) from the bytes the report is about, instead of a second
     * gateway call for the stored copy.
     */
    private static List<QcTimeline.CueSpan> cues(String body) {
        try {
            String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
            return SubtitleIngest.withDefaults().parseText(text).cues().stream()
                    .map(cue -> new QcTimeline.CueSpan(cue.startMs(), cue.endMs())).toList();
        } catch (RuntimeException unparseable) {
            return List.of();
        }
    }

    private static Response answer(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }
}
