package io.microdrama.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** Every error leaves a service as {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return answer(e.toProblem());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return answer(new Problem("about:blank", "Bad Request", 400,
                "The body is not valid JSON for this operation: " + e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return answer(new Problem("about:blank", "Unauthorized", 401, "A valid bearer token is required", null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(new Problem("about:blank", "Forbidden", 403, "Your role does not allow this operation", null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        return answer(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return answer(new Problem("about:blank", "Internal Server Error", 500,
                "Unexpected error; quote reference " + reference + " when reporting it", null));
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
