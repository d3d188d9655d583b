package io.microdrama.support.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.support.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any routing, what must never reach a resource, with a problem answer instead of Vert.x's empty one:
 * headers over {@code web.limits.max-header-size} (431), a declared body over {@code quarkus.http.limits.max-body-size}
 * (413), and paths that a router would read differently from what a client or the gateway matched: matrix parameters
 * ({@code name;x=1}), dot segments ({@code ..}, {@code %2e%2e}), encoded separators ({@code %2F}, {@code %5C}, a
 * backslash) and malformed percent-encoding or non-UTF-8 bytes in the path or the query (400). Installed by the gateway and every service (this jar's index).
 * <p>
 * Why 431 here: Vert.x answers headers over its own limit with an empty body before any handler runs and offers no
 * hook in Quarkus, so its limit ({@code quarkus.http.limits.max-header-size}, set in this jar's configuration) is
 * larger than ours and ours answers first. Headers beyond even that still get Vert.x's bare 431.
 */
@ApplicationScoped
public class RequestGuard {

    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "web.limits.max-header-size", defaultValue = "32K") MemorySize maxHeaders) {
        long maxBodyBytes = maxBody.asLongValue();
        long maxHeaderBytes = maxHeaders.asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (headerBytes(request) > maxHeaderBytes) {
                refuse(context, 431, "Request Header Fields Too Large",
                        "The request headers are larger than the " + maxHeaderBytes + " bytes accepted here");
                return;
            }
            String declared = request.getHeader("Content-Length");
            if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                    && Long.parseLong(declared) > maxBodyBytes) {
                refuse(context, 413, "Content Too Large",
                        "The request body is larger than the " + maxBodyBytes + " bytes accepted here");
                return;
            }
            Optional<String> pathProblem = pathProblem(rawPath(request.uri())).or(() -> queryProblem(request.query()));
            if (pathProblem.isPresent()) {
                refuse(context, 400, "Bad Request", pathProblem.get());
                return;
            }
            context.next();
        });
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    static String rawPath(String uri) {
        String path = uri == null ? "/" : uri;
        int scheme = path.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        return fragment >= 0 ? path.substring(0, fragment) : path;
    }

    /** Why a raw request path is refused, or empty. */
    static Optional<String> pathProblem(String rawPath) {
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("Matrix parameters (';' in the path) are not accepted");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("The path must not contain a backslash");
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded;
            try {
                decoded = PercentDecoding.decode(segment);
            } catch (IllegalArgumentException e) {
                return Optional.of("The path has a malformed percent-encoding");
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return Optional.of("The path must not contain dot segments ('.' or '..')");
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                return Optional.of("The path must not contain an encoded separator (%2F or %5C)");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a raw query is refused, or empty: a malformed percent-encoding or bytes that are not UTF-8 (an encoded
     * surrogate such as {@code %ED%A0%80} among them). Checked here because the REST layer would decode them to U+FFFD
     * and accept the request with a value the client never sent.
     */
    static Optional<String> queryProblem(String rawQuery) {
        if (rawQuery == null || rawQuery.indexOf('%') < 0) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&", -1)) {
            for (String component : pair.split("=", 2)) {
                try {
                    PercentDecoding.decode(component);
                } catch (IllegalArgumentException e) {
                    return Optional.of("The query has a malformed percent-encoding or is not UTF-8");
                }
            }
        }
        return Optional.empty();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        String body;
        try {
            body = JSON.writeValueAsString(Problem.of(status, title, detail));
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"about:blank\",\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
