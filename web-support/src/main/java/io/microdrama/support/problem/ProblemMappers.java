package io.microdrama.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.microdrama.support.input.RefusedValueException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Every error of the platform leaves as {@code application/problem+json}, framework-made ones included (unreadable or
 * mistyped JSON, 401/403, 404/405/406/413/415 from Quarkus REST, an identity provider that cannot be reached); never a
 * stack trace, a Java type name or an empty body. Used by the gateway and every service (Quarkus finds these mappers in
 * this jar's index). A mapper for an exception of one application only (the gateway's upstream failures, say) lives in
 * that application's {@code api} package and uses {@link #answer(Problem)}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Headers of a framework answer that the problem answer keeps, because the status needs them. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE);

    private final List<DependencyUnavailable> unavailable;

    public ProblemMappers(jakarta.enterprise.inject.Instance<DependencyUnavailable> unavailable) {
        this.unavailable = unavailable.stream().toList();
    }

    /** A problem answer; callers add the headers their status needs. */
    public static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return answer(e.toProblem()).build();
    }

    /**
     * Well-formed JSON of the wrong shape ({@code []} for an object, {@code "x"} for a list). Mapped here and not only
     * through {@link JsonProcessingException}, because Quarkus REST has its own mapper for exactly this type, which
     * answers a bare 400 outside dev mode.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedBody(MismatchedInputException e) {
        return answer(unreadable(e)).build();
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return answer(unreadable(e)).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return answer(Problem.of(401, "Unauthorized", "A valid bearer token is required"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.of(403, "Forbidden", "Your role does not allow this operation")).build();
    }

    /** Keycloak unreachable while a token's keys are still unknown: the token cannot be checked, so say so. */
    @ServerExceptionMapper
    public Response identityProviderDown(OIDCException e) {
        LOG.warnf("Token not verifiable: %s", e.getMessage());
        return answer(Problem.of(503, "Service Unavailable", "The identity provider cannot be reached to verify the token"))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    /** Answers Quarkus REST makes itself (no such path, method, media type...), and JSON it could not read. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(unreadable(json)).build();
        }
        Response framework = e.getResponse();
        int status = framework.getStatus();
        Response.ResponseBuilder answer = answer(Problem.of(status, title(framework.getStatusInfo()), detail(status)));
        for (String header : KEPT_HEADERS) {
            String value = framework.getHeaderString(header);
            if (value != null) {
                answer.header(header, value);
            }
        }
        if (status == 405 && framework.getHeaderString(HttpHeaders.ALLOW) == null && request != null) {
            // Quarkus REST computes no Allow for its own 405; RFC 9110 requires one.
            String allowed = AllowedMethods.of(request.path());
            if (!allowed.isEmpty()) {
                answer.header(HttpHeaders.ALLOW, allowed);
            }
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (ClientGone.wentAway(e, request)) {
            // The client gave up (closed the connection) before the answer: nothing of ours failed and nobody reads
            // the answer; whatever the request changed was rolled back with the failed transaction.
            LOG.infof("Client closed the connection before the answer to %s %s (%s)", request == null ? "?" : request.method(),
                    request == null ? "?" : request.path(), e.toString());
            return answer(Problem.of(499, "Client Closed Request", "The client closed the connection")).build();
        }
        if (unavailable.stream().anyMatch(recogniser -> recogniser.covers(e))) {
            // Our dependency is out of reach (a database restart): nothing was changed, and the same request later
            // will work. A warning, not an error with a stack trace: the outage itself is what operators are told of.
            LOG.warnf("Answered 503 to %s %s, a dependency is out of reach: %s", request == null ? "?" : request.method(),
                    request == null ? "?" : request.path(), e.toString());
            return answer(Problem.of(503, "Service Unavailable", "A dependency of this service is out of reach; "
                    + "nothing was changed, try again shortly"))
                    .header(HttpHeaders.RETRY_AFTER, DependencyUnavailable.RETRY_AFTER_SECONDS).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return answer(Problem.of(500, "Internal Server Error",
                "Unexpected error; quote reference " + reference + " when reporting it")).build();
    }

    /**
     * A 400 saying what is wrong with the body without naming our classes: where the parser stopped for malformed
     * JSON, which field did not fit for well-formed JSON of the wrong shape.
     */
    static Problem unreadable(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problem.of(400, "Bad Request",
                    "The body exceeds the JSON limits (nesting depth, number or string length)");
        }
        if (e instanceof StreamReadException) {
            // Jackson's own sentence (without the location, which is added in our words) says what it found there.
            return Problem.of(400, "Bad Request", "The body is not valid JSON" + where(e.getLocation())
                    + (e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage()));
        }
        if (e instanceof RefusedValueException refused) {
            String field = path(refused.getPath());
            String title = refused.status() == 422 ? "Unprocessable Content" : "Bad Request";
            return new Problem("about:blank", title, refused.status(), "The body has an unacceptable value at " + field
                    + ": it " + refused.reason(), List.of(new Problem.FieldError(field, refused.reason())));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            return new Problem("about:blank", "Bad Request", 400, "The body does not fit this operation at " + field,
                    List.of(new Problem.FieldError(field, "has the wrong type or shape")));
        }
        return Problem.of(400, "Bad Request", "The body does not fit this operation (expected a JSON object of its shape)");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code episodes[2].title}, as a client would write the field. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String title(Response.StatusType status) {
        String reason = status.getReasonPhrase();
        return reason == null || reason.isBlank() ? "HTTP " + status.getStatusCode() : reason;
    }

    /** What the framework's statuses mean to a client, in one sentence each. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "There is no resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "None of the media types in Accept can be produced here";
            case 413 -> "The request body is larger than accepted here";
            case 415 -> "The Content-Type of the body is not accepted here";
            default -> Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
