package io.microdrama.gateway.api;

import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.upstream.UpstreamFailure;
import io.microdrama.support.problem.Problem;
import io.microdrama.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own refusals and its answers for failing services, as problems. Every other error (401/403, unknown
 * paths, unreadable bodies, the unexpected) is answered by the shared {@link ProblemMappers} of web-support.
 */
public class GatewayProblemMappers {

    @ServerExceptionMapper
    public Response refused(GatewayException e) {
        Response.ResponseBuilder answer = ProblemMappers.answer(Problem.of(e.status(), e.title(), e.getMessage()));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamFailure e) {
        Response.ResponseBuilder answer = ProblemMappers.answer(problem(e));
        if (e.retryAfter() != null) {
            answer.header("Retry-After", retryAfterSeconds(e));
        }
        return answer.build();
    }

    /** The problem for a failing service (also written by {@link StorefrontReads}, outside JAX-RS). */
    static Problem problem(UpstreamFailure e) {
        String title = switch (e.kind()) {
            case UNREACHABLE, BAD_ANSWER -> "Bad Gateway";
            case CIRCUIT_OPEN -> "Service Unavailable";
            case TIMEOUT -> "Gateway Timeout";
        };
        return Problem.of(e.kind().status(), title, e.getMessage());
    }

    /** Whole seconds, at least 1. */
    static String retryAfterSeconds(UpstreamFailure e) {
        return Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
    }
}
