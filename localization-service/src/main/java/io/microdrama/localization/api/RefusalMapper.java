package io.microdrama.localization.api;

import io.microdrama.localization.domain.Refusal;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place a refusal of the service's rules becomes an HTTP status: {@code application/problem+json}. */
public class RefusalMapper {

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        Problem problem = problem(refusal).toProblem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static ProblemException problem(Refusal refusal) {
        return new ProblemException(status(refusal.kind()), title(refusal.kind()), refusal.getMessage(),
                refusal.fields().stream().map(field -> new FieldError(field.name(), field.message())).toList());
    }

    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case STALE_VERSION -> 412;
            case MALFORMED -> 400;
            case INVALID -> 422;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_CONTENT -> 415;
        };
    }

    private static String title(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "Not Found";
            case FORBIDDEN -> "Forbidden";
            case CONFLICT -> "Conflict";
            case STALE_VERSION -> "Precondition Failed";
            case MALFORMED -> "Bad Request";
            case INVALID -> "Unprocessable Content";
            case TOO_LARGE -> "Content Too Large";
            case UNSUPPORTED_CONTENT -> "Unsupported Media Type";
        };
    }
}
