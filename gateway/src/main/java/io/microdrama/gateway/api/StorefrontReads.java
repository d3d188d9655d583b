package io.microdrama.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.domain.RouteTable;
import io.microdrama.gateway.domain.SharedCacheRules;
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
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The thin hop for the platform's hottest path, anonymous storefront reads ({@code GET /api/v1/storefront/…}): a
 * Vert.x route ahead of the JAX-RS {@link GatewayResource}, with the same route table, rate limit, headers, guard
 * (timeout, breaker, retries of a dropped connection) and per-route metric as {@link Dispatcher}, but no JAX-RS
 * request and response objects, no identity lookup, and the service's answer streamed to the caller as it arrives
 * (status and headers first, the body piped on) instead of being read whole and copied. Compressed answers pass
 * through compressed: {@code Accept-Encoding} goes to the service and {@code Content-Encoding} comes back.
 * <p>
 * Catalog's public answers (pages, one drama) go through the {@link StorefrontMicroCache} instead: kept for a fraction of
 * a second, one request per key to catalog at a time. A hit passes the same rate limit and counts in the same metric.
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

    /** What a 304 from memory carries (RFC 9110: the headers a 200 would have sent that describe the representation). */
    private static final java.util.Set<String> VALIDATOR_HEADERS = java.util.Set.of("ETag", "Cache-Control", "Vary",
            "Last-Modified", "Content-Language");

    private final RateLimits rateLimits;
    private final UpstreamClient upstreams;
    private final StorefrontMicroCache cache;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    public StorefrontReads(RateLimits rateLimits, UpstreamClient upstreams, StorefrontMicroCache cache, MeterRegistry meters,
            ObjectMapper json) {
        this.rateLimits = rateLimits;
        this.upstreams = upstreams;
        this.cache = cache;
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
        String pathAndQuery = request.path() + (request.query() == null ? "" : "?" + request.query());
        Timer.Sample started = Timer.start(meters);
        if (cache.enabled() && SharedCacheRules.cachedRoute(found.route())) {
            fromMemory(context, found, pathAndQuery, started);
        } else {
            relay(context, found, pathAndQuery, started);
        }
    }

    /** Straight through: the caller's own headers to the service, its answer streamed back. */
    private void relay(RoutingContext context, RouteTable.Found found, String pathAndQuery, Timer.Sample started) {
        HttpServerRequest request = context.request();
        Map<String, String> headers = new HashMap<>();
        for (String name : Dispatcher.FORWARDED_REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        upstreams.relay(found.route().upstream(), new UpstreamRequest("GET", pathAndQuery, headers, null))
                .subscribe().with(answer -> relayed(answer, context, found, started),
                        failure -> failed(failure, context, found, started));
    }

    private void relayed(RelayedAnswer answer, RoutingContext context, RouteTable.Found found, Timer.Sample started) {
        int status = answer.streaming() != null ? answer.streaming().statusCode() : answer.buffered().status();
        started.stop(timer(found, status));
        if (answer.streaming() != null) {
            stream(answer.streaming(), context.request(), context.response());
        } else {
            write(answer.buffered(), context.response());
        }
    }

    private void failed(Throwable failure, RoutingContext context, RouteTable.Found found, Timer.Sample started) {
        int status = failure instanceof UpstreamFailure upstream ? upstream.kind().status() : 500;
        started.stop(timer(found, status));
        problem(failure, context.response());
    }

    /**
     * Through the micro-cache: a fresh kept answer is served from memory (304 when If-None-Match names it); on a miss
     * one request per key goes to the service (with only the key's headers, no validator, so that the full answer can
     * be kept) and the requests for the same key that arrive meanwhile wait for it. An answer that may not be kept is
     * streamed to the one that asked, and each waiting request then asks the service itself.
     */
    private void fromMemory(RoutingContext context, RouteTable.Found found, String pathAndQuery, Timer.Sample started) {
        StorefrontMicroCache.Key key = StorefrontMicroCache.Key.of(pathAndQuery, context.request());
        StorefrontMicroCache.Entry hit = cache.fresh(key);
        if (hit != null) {
            answer(hit, context, found, started);
            return;
        }
        CompletableFuture<StorefrontMicroCache.Entry> mine = new CompletableFuture<>();
        CompletableFuture<StorefrontMicroCache.Entry> running = cache.joinOrLead(key, mine);
        if (running != null) {
            Context here = Vertx.currentContext();
            running.whenComplete((entry, failure) -> here.runOnContext(ignored -> {
                if (failure != null) {
                    failed(failure, context, found, started);
                } else if (entry != null) {
                    answer(entry, context, found, started);
                } else {
                    relay(context, found, pathAndQuery, started);
                }
            }));
            return;
        }
        upstreams.relay(found.route().upstream(), new UpstreamRequest("GET", pathAndQuery, key.upstreamHeaders(), null))
                .subscribe().with(answer -> keep(answer, key, mine, context, found, started), failure -> {
                    cache.fail(key, mine, failure);
                    failed(failure, context, found, started);
                });
    }

    private void keep(RelayedAnswer answer, StorefrontMicroCache.Key key, CompletableFuture<StorefrontMicroCache.Entry> mine,
            RoutingContext context, RouteTable.Found found, Timer.Sample started) {
        HttpClientResponse in = answer.streaming();
        long receivedAt = System.nanoTime();
        long freshFor = in == null ? 0 : SharedCacheRules.freshForMillis(in.statusCode(), in.headers()::getAll, key.gzip(),
                cache.ttlMillis());
        long length = in == null ? -1 : contentLength(in);
        if (freshFor <= 0 || length < 0 || length > cache.maxEntryBytes()) {
            cache.finish(key, mine, null);
            relayed(answer, context, found, started);
            return;
        }
        in.body().onComplete(body -> {
            if (body.succeeded()) {
                StorefrontMicroCache.Entry entry = entry(in, body.result().getBytes(), key, receivedAt, freshFor);
                cache.finish(key, mine, entry);
                answer(entry, context, found, started);
            } else {
                // The waiting requests try for themselves; this one learns the service broke off.
                cache.finish(key, mine, null);
                failed(new UpstreamFailure(found.route().upstream(), UpstreamFailure.Kind.BAD_ANSWER,
                        found.route().upstream().serviceName() + " closed the connection without a valid answer", null),
                        context, found, started);
            }
        });
        in.resume();
    }

    private static long contentLength(HttpClientResponse in) {
        String length = in.getHeader("Content-Length");
        if (length == null || !length.matches("\\d{1,10}")) {
            return -1;
        }
        return Long.parseLong(length);
    }

    private static StorefrontMicroCache.Entry entry(HttpClientResponse in, byte[] body, StorefrontMicroCache.Key key,
            long receivedAt, long freshForMillis) {
        List<StorefrontMicroCache.Header> headers = new ArrayList<>();
        int bytes = body.length + key.bytes() + 128;
        for (String name : Dispatcher.RETURNED_HEADERS) {
            for (String value : in.headers().getAll(name)) {
                headers.add(new StorefrontMicroCache.Header(name, value));
                bytes += 2 * (name.length() + value.length()) + 32;
            }
        }
        String age = in.getHeader("Age");
        long upstreamAge = age != null && age.strip().matches("\\d{1,10}") ? Long.parseLong(age.strip()) : 0;
        return new StorefrontMicroCache.Entry(List.copyOf(headers), body, in.getHeader("ETag"), upstreamAge, receivedAt,
                receivedAt + freshForMillis * 1_000_000L, bytes);
    }

    /** A kept answer, as this request gets it: 304 when its If-None-Match names the kept ETag, else the kept 200. */
    private void answer(StorefrontMicroCache.Entry entry, RoutingContext context, RouteTable.Found found, Timer.Sample started) {
        HttpServerRequest request = context.request();
        HttpServerResponse out = context.response();
        boolean notModified = SharedCacheRules.notModified(request.getHeader("If-None-Match"), entry.etag());
        started.stop(timer(found, notModified ? 304 : 200));
        if (out.closed() || out.ended()) {
            return;
        }
        out.putHeader("Age", Long.toString(entry.ageSeconds(System.nanoTime())));
        if (notModified) {
            out.setStatusCode(304);
            for (StorefrontMicroCache.Header header : entry.headers()) {
                if (VALIDATOR_HEADERS.contains(header.name())) {
                    out.headers().add(header.name(), header.value());
                }
            }
            out.headers().remove("Content-Encoding");
            out.end();
            return;
        }
        out.setStatusCode(200);
        boolean encoded = false;
        String previous = null;
        for (StorefrontMicroCache.Header header : entry.headers()) {
            // Kept grouped by name: the first value replaces what the server put there (Quarkus's "identity").
            if (header.name().equals(previous)) {
                out.headers().add(header.name(), header.value());
            } else {
                out.headers().set(header.name(), header.value());
            }
            previous = header.name();
            encoded |= header.name().equals("Content-Encoding");
        }
        if (!encoded) {
            plain(request, out);
        }
        out.end(Buffer.buffer(entry.body()));
    }

    /**
     * An answer without a content coding goes out without one. Quarkus marks every answer {@code identity} when
     * compression is on, to keep it from compressing what it should not; to a client that accepts no compression that
     * is a header saying nothing, so it goes. (To a client that accepts gzip it stays: the gateway does not compress
     * what the service chose to send plain.)
     */
    private static void plain(HttpServerRequest request, HttpServerResponse out) {
        if (!SharedCacheRules.acceptsCompression(request.getHeader("Accept-Encoding"))) {
            out.headers().remove("Content-Encoding");
        }
    }

    private Timer timer(RouteTable.Found found, int status) {
        String route = found.route().path().text();
        return timers.computeIfAbsent(route + " " + status, ignored -> meters.timer("gateway.route.requests",
                "method", "GET", "route", route, "status", Integer.toString(status)));
    }

    private static void stream(HttpClientResponse in, HttpServerRequest request, HttpServerResponse out) {
        out.setStatusCode(in.statusCode());
        for (String name : STREAMED_HEADERS) {
            List<String> values = in.headers().getAll(name);
            if (!values.isEmpty()) {
                out.headers().set(name, values);
            }
        }
        if (!in.headers().contains("Content-Encoding")) {
            plain(request, out);
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
