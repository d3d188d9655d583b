package io.microdrama.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.domain.RouteTable;
import io.microdrama.gateway.upstream.RelayedAnswer;
import io.microdrama.gateway.upstream.UpstreamAnswer;
import io.microdrama.gateway.upstream.UpstreamClient;
import io.microdrama.gateway.upstream.UpstreamFailure;
import io.microdrama.gateway.upstream.UpstreamRequest;
import io.microdrama.support.input.TextRules;
import io.microdrama.support.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The thin hop for the platform's hottest path, anonymous storefront reads ({@code GET /api/v1/storefront/…}): a
 * Vert.x route ahead of the JAX-RS {@link GatewayResource}, with the same route table, rate limit, headers, guard
 * (timeout, breaker, retries of a dropped connection) and per-route metric as {@link Dispatcher}, but no JAX-RS
 * request and response objects, no identity lookup, and the service's answer streamed to the caller as it arrives
 * (status and headers first, the body piped on) instead of being read whole and copied. Compressed answers pass
 * through compressed: {@code Accept-Encoding} goes to the service and {@code Content-Encoding} comes back.
 * <p>
 * Anything that is not a plain public read (an unknown path, a refused path, a rate-limited client) goes on to
 * {@link GatewayResource}, which answers it as before, with the problem mappers.
 */
@ApplicationScoped
public class StorefrontReads {

    private static final Logger LOG = Logger.getLogger(StorefrontReads.class);
    /** What the caller needs of the answer here: the returned headers plus the body's length. */
    static final List<String> STREAMED_HEADERS = Stream.concat(Dispatcher.RETURNED_HEADERS.stream(),
            Stream.of("Content-Length")).toList();

    private final RateLimits rateLimits;
    private final UpstreamClient upstreams;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    public StorefrontReads(RateLimits rateLimits, UpstreamClient upstreams, MeterRegistry meters, ObjectMapper json) {
        this.rateLimits = rateLimits;
        this.upstreams = upstreams;
        this.meters = meters;
        this.json = json;
    }

    void register(@Observes Router router) {
        // After Quarkus's own filters (security headers, CORS, compression), before Quarkus REST.
        router.get("/api/v1/storefront/*").order(RouteConstants.ROUTE_ORDER_DEFAULT).handler(this::read);
    }

    /** Text the shared input rules refuse (NUL, lone surrogates) in a path segment or a query parameter. */
    private static boolean refusedText(List<String> segments, RoutingContext context) {
        if (segments.stream().anyMatch(segment -> TextRules.problem(segment).isPresent())) {
            return true;
        }
        for (Map.Entry<String, String> parameter : context.queryParams()) {
            if (TextRules.problem(parameter.getKey()).isPresent() || TextRules.problem(parameter.getValue()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        RouteTable.Found found;
        try {
            List<String> segments = RequestPath.segments(request.path());
            if (refusedText(segments, context)) {
                // The JAX-RS path refuses it with the shared input rules (one problem answer for every route).
                context.next();
                return;
            }
            if (!(RouteTable.find("GET", segments) instanceof RouteTable.Found match)
                    || !match.route().access().isPublic() || match.route().aggregated()) {
                context.next();
                return;
            }
            rateLimits.storefrontRead(request.remoteAddress().hostAddress());
            found = match;
        } catch (GatewayException refused) {
            // Answered by the JAX-RS path and its problem mappers (a refused bucket takes no token, so the check there refuses too).
            context.next();
            return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Dispatcher.FORWARDED_REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String pathAndQuery = request.path() + (request.query() == null ? "" : "?" + request.query());
        Timer.Sample started = Timer.start(meters);
        upstreams.relay(found.route().upstream(), new UpstreamRequest("GET", pathAndQuery, headers, null))
                .subscribe().with(answer -> {
                    int status = answer.streaming() != null ? answer.streaming().statusCode() : answer.buffered().status();
                    started.stop(timer(found, status));
                    if (answer.streaming() != null) {
                        stream(answer.streaming(), context.response());
                    } else {
                        write(answer.buffered(), context.response());
                    }
                }, failure -> {
                    int status = failure instanceof UpstreamFailure upstream ? upstream.kind().status() : 500;
                    started.stop(timer(found, status));
                    problem(failure, context.response());
                });
    }

    private Timer timer(RouteTable.Found found, int status) {
        String route = found.route().path().text();
        return timers.computeIfAbsent(route + " " + status, ignored -> meters.timer("gateway.route.requests",
                "method", "GET", "route", route, "status", Integer.toString(status)));
    }

    private static void stream(HttpClientResponse in, HttpServerResponse out) {
        out.setStatusCode(in.statusCode());
        for (String name : STREAMED_HEADERS) {
            List<String> values = in.headers().getAll(name);
            if (!values.isEmpty()) {
                out.headers().set(name, values);
            }
        }
        if (in.statusCode() == 304 || in.statusCode() == 204) {
            in.resume();
            out.end();
            return;
        }
        if (!out.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        in.pipeTo(out).onFailure(failure -> LOG.debugf(failure, "Storefront answer cut off"));
    }

    /** A service's own 5xx problem, read whole before it was passed on. */
    private static void write(UpstreamAnswer answer, HttpServerResponse out) {
        out.setStatusCode(answer.status());
        for (String name : Dispatcher.RETURNED_HEADERS) {
            List<String> values = answer.headerValues(name);
            if (!values.isEmpty()) {
                out.headers().set(name, values);
            }
        }
        out.end(Buffer.buffer(answer.body()));
    }

    private void problem(Throwable failure, HttpServerResponse out) {
        Problem problem;
        if (failure instanceof UpstreamFailure upstream) {
            problem = GatewayProblemMappers.problem(upstream);
            if (upstream.retryAfter() != null) {
                out.putHeader("Retry-After", GatewayProblemMappers.retryAfterSeconds(upstream));
            }
        } else {
            LOG.error("Storefront read failed", failure);
            problem = Problem.of(500, "Internal Server Error", "The gateway failed to answer this request");
        }
        try {
            out.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            out.setStatusCode(500).end();
        }
    }
}
