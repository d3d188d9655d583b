package io.microdrama.console.web;

import io.microdrama.console.gateway.Gateway;
import io.microdrama.console.gateway.GatewayApi;
import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.Caller;
import io.microdrama.console.view.ProblemWords;
import io.microdrama.console.view.SubtitleTracks;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A drama's subtitle tracks with their approval state (localizers see their languages, ops and admins every one), and
 * the decision on one episode's track (ops of a region requiring approval, admins) with its required comment.
 */
@Path("/subtitles/dramas")
@Produces(MediaType.TEXT_HTML)
public class SubtitlePages {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private final Gateway gateway;
    private final CurrentCaller caller;
    private final Template subtitles;

    @Inject
    public SubtitlePages(Gateway gateway, CurrentCaller caller, @Location("subtitles") Template subtitles) {
        this.gateway = gateway;
        this.caller = caller;
        this.subtitles = subtitles;
    }

    @GET
    @Path("{dramaId}")
    public Response tracks(@RestPath String dramaId) {
        return page(OpsPages.id(dramaId), null, null, 200);
    }

    @POST
    @Path("{dramaId}/episodes/{episode}/{language}/approval")
    public Response decide(@RestPath String dramaId, @RestPath int episode, @RestPath String language,
            @RestForm String decision, @RestForm String comment) {
        String id = OpsPages.id(dramaId);
        if (episode < 1 || language == null || !LANGUAGE.matcher(language).matches()) {
            throw new GatewayProblem(404, null, "not an episode track");
        }
        List<String> errors = SubtitleTracks.formErrors(decision, comment);
        if (!errors.isEmpty()) {
            return page(id, null, new ProblemWords.Explanation(422, "The decision on episode " + episode + " "
                    + language + " is not complete.", null, errors), 422);
        }
        try {
            String outcome = SubtitleTracks.outcome(gateway.call(api -> api.approveTrack(id, episode, language,
                    new GatewayApi.ApprovalDecision(decision, comment.trim()))));
            return page(id, outcome, null, 200);
        } catch (GatewayProblem problem) {
            return page(id, null, ProblemWords.explain(problem.status(), problem.body()),
                    problem.status() == 0 || problem.status() >= 500 ? 502 : problem.status());
        }
    }

    private Response page(String dramaId, String outcome, ProblemWords.Explanation problem, int status) {
        Caller who = caller.get();
        SubtitleTracks.Listing listing = SubtitleTracks.of(gateway.call(api -> api.subtitles(dramaId)), who.name(),
                who.isOps());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(subtitles.data("caller", who)
                .data("listing", listing).data("outcome", outcome).data("problem", problem).render()).build();
    }
}
