package io.microdrama.catalog.api;

import io.microdrama.catalog.domain.CatalogException;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The catalog's refusals as {@code application/problem+json}: the only place that knows their HTTP status. */
public class CatalogProblems {

    @ServerExceptionMapper
    public Response refused(CatalogException e) {
        Problem problem = toProblem(e).toProblem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static ProblemException toProblem(CatalogException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ProblemException.notFound(e.getMessage());
            case NOT_ALLOWED -> ProblemException.forbidden(e.getMessage());
            case CONFLICT -> ProblemException.conflict(e.getMessage());
            case STALE_REVISION -> new ProblemException(412, "Precondition Failed", e.getMessage());
        };
    }
}
