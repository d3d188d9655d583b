package io.microdrama.console.web;

import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.ProblemWords;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page that could not be built because the gateway said no: the same status (403 stays 403, 404 stays 404), the
 * reason in plain words. 5xx and unreachable become 502 here: the console itself did not fail.
 */
public class GatewayProblemPage {

    private static final Logger LOG = Logger.getLogger(GatewayProblemPage.class);

    private final Template error;
    private final CurrentCaller caller;

    @Inject
    public GatewayProblemPage(@Location("error") Template error, CurrentCaller caller) {
        this.error = error;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response page(GatewayProblem problem) {
        int status = problem.status() == 0 || problem.status() >= 500 ? 502 : problem.status();
        if (status == 502) {
            LOG.warnf("gateway problem: %s", problem.getMessage());
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(error.data("caller", caller.get()).data("problem", ProblemWords.explain(problem.status(), problem.body()))
                        .render())
                .build();
    }
}
