package io.microdrama.gateway.api;

import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.upstream.UpstreamFailure;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** Every answer the gateway makes up itself is {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(GatewayException e) {
        Response.ResponseBuilder answer = answer(Problem.of(e.status(), e.title(), e.getMessage()));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamFailure e) {
        String title = switch (e.kind()) {
            case UNREACHABLE, BAD_ANSWER -> "Bad Gateway";
            case CIRCUIT_OPEN -> "Service Unavailable";
            case TIMEOUT -> "Gateway Timeout";
        };
        Response.ResponseBuilder answer = answer(Problem.of(e.kind().status(), title, e.getMessage()));
        if (e.retryAfter() != null) {
            answer.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return answer.build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return refused(GatewayException.unauthenticated());
    }

    /** Keycloak unreachable while a token's keys are still unknown: the gateway cannot tell, so it says so. */
    @ServerExceptionMapper
    public Response identityProviderDown(OIDCException e) {
        LOG.warnf("Token not verifiable: %s", e.getMessage());
        return answer(Problem.of(503, "Service Unavailable", "The identity provider cannot be reached to verify the token"))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.of(403, "Forbidden", "Your role does not allow this operation")).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 413 ? "The request body is larger than this gateway accepts"
                : status.getReasonPhrase();
        return answer(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return answer(Problem.of(500, "Internal Server Error",
                "Unexpected error; quote reference " + reference + " when reporting it")).build();
    }

    static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
