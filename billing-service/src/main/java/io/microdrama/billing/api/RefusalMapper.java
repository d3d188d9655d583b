package io.microdrama.billing.api;

import io.microdrama.billing.domain.Refusal;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The one place a use case's {@link Refusal} becomes an HTTP answer (problem+json, like every other error). */
public class RefusalMapper {

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        Problem problem = problemOf(refusal).toProblem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static ProblemException problemOf(Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> ProblemException.notFound(refusal.getMessage());
            case CONFLICT -> ProblemException.conflict(refusal.getMessage());
            case INVALID -> ProblemException.invalid(List.of(new FieldError(refusal.field(), refusal.getMessage())));
        };
    }
}
