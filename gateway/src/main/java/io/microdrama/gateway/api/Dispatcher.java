package io.microdrama.gateway.api;

import io.microdrama.gateway.domain.Access;
import io.microdrama.gateway.domain.AccessPolicy;
import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.domain.RouteTable;
import io.microdrama.gateway.upstream.UpstreamAnswer;
import io.microdrama.gateway.upstream.UpstreamClient;
import io.microdrama.gateway.upstream.UpstreamFailure;
import io.microdrama.gateway.upstream.UpstreamRequest;
import io.microdrama.support.security.CallerGrants;
import io.microdrama.support.security.TokenClaims;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request through the gateway: find the route, establish the caller from the token (only for routes that need
 * one), check role and scope, apply the rate limit, then forward to the service (a studio push when its studio's turn
 * comes, {@link StudioPushTurns}) or compose the ops view. Nothing is forwarded before every check has passed.
 */
@ApplicationScoped
public class Dispatcher {

    /** Request headers a service may need; everything else (cookies, hop-by-hop headers) stays here. */
    static final List<String> FORWARDED_REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language",
            "Accept-Encoding", "If-Match", "If-None-Match");
    /** Answer headers the caller may need. */
    static final List<String> RETURNED_HEADERS = List.of("Content-Type", "Content-Encoding", "ETag", "Cache-Control",
            "Location", "Retry-After", "Vary", "Last-Modified", "Content-Disposition", "Content-Language", "Allow",
            "WWW-Authenticate");

    private final CurrentIdentityAssociation identities;
    private final RateLimits rateLimits;
    private final UpstreamClient upstreams;
    private final StudioPushTurns pushTurns;
    private final OpsDramaAggregator opsDramas;
    private final MeterRegistry meters;

    public Dispatcher(CurrentIdentityAssociation identities, RateLimits rateLimits, StudioPushTurns pushTurns,
            UpstreamClient upstreams, OpsDramaAggregator opsDramas, MeterRegistry meters) {
        this.identities = identities;
        this.rateLimits = rateLimits;
        this.pushTurns = pushTurns;
        this.upstreams = upstreams;
        this.opsDramas = opsDramas;
        this.meters = meters;
    }

    public Uni<Response> dispatch(HttpServerRequest request, byte[] body) {
        String method = request.method().name();
        String rawPath = request.path();
        RouteTable.Lookup lookup = RouteTable.find(method.equals("HEAD") ? "GET" : method, RequestPath.segments(rawPath));
        if (lookup instanceof RouteTable.WrongMethod wrong) {
            throw new GatewayException(405, "Method Not Allowed", method + " is not an operation of this path",
                    Map.of("Allow", String.join(", ", wrong.allowed())));
        }
        if (!(lookup instanceof RouteTable.Found found)) {
            throw GatewayException.notFound("No such operation: " + method + " " + rawPath);
        }
        Timer.Sample started = Timer.start(meters);
        return Uni.createFrom().deferred(() -> handle(found, request, body))
                .onItemOrFailure().invoke((response, failure) -> started.stop(meters.timer("gateway.route.requests",
                        "method", found.route().method(), "route", found.route().path().text(),
                        "status", Integer.toString(response != null ? response.getStatus() : statusOf(failure)))));
    }

    private Uni<Response> handle(RouteTable.Found found, HttpServerRequest request, byte[] body) {
        if (found.route().access().isPublic()) {
            rateLimits.storefrontRead(request.remoteAddress().hostAddress());
            return forward(found, request, body, null);
        }
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).transform(failure -> GatewayException.unauthenticated())
                .map(identity -> authorize(found, request, identity))
                .flatMap(caller -> {
                    if (found.route().aggregated()) {
                        return opsDramas.view(RequestPath.rawSegment(request.path(), 4), request.getHeader("Authorization"), caller);
                    }
                    if (found.route().access().scope() == Access.Scope.STUDIO_PUSH) {
                        return pushTurns.inTurn(found.route().upstream(), caller.studioId().orElseThrow(),
                                body == null ? 0 : body.length, () -> forward(found, request, body, caller));
                    }
                    return forward(found, request, body, caller);
                });
    }

    /** The status the problem mappers will answer with, for the per-route metric. */
    private static int statusOf(Throwable failure) {
        if (failure instanceof GatewayException refused) {
            return refused.status();
        }
        return failure instanceof UpstreamFailure upstream ? upstream.kind().status() : 500;
    }

    private CallerGrants authorize(RouteTable.Found found, HttpServerRequest request, SecurityIdentity identity) {
        CallerGrants caller = identity.isAnonymous() ? null : TokenClaims.grants(identity);
        Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
        AccessPolicy.check(found.route(), found.parameters(), query, caller);
        if (found.route().access().scope() == Access.Scope.STUDIO_PUSH) {
            rateLimits.studioPush(caller.studioId().orElseThrow());
        }
        return caller;
    }

    private Uni<Response> forward(RouteTable.Found found, HttpServerRequest request, byte[] body, CallerGrants caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (caller != null) {
            // The services check the same token again (defence in depth); anonymous routes never see a token.
            headers.put("Authorization", request.getHeader("Authorization"));
        }
        String pathAndQuery = request.path() + (request.query() == null ? "" : "?" + request.query());
        UpstreamRequest call = new UpstreamRequest(request.method().name(), pathAndQuery, headers,
                body == null || body.length == 0 ? null : body);
        String upstreamBase = upstreams.baseUrl(found.route().upstream());
        String ownBase = request.scheme() + "://" + request.host();
        return upstreams.send(found.route().upstream(), call).map(answer -> response(answer, upstreamBase, ownBase));
    }

    /** The service's answer as the caller gets it; a Location pointing at the service is rewritten to the gateway. */
    static Response response(UpstreamAnswer answer, String upstreamBase, String ownBase) {
        Response.ResponseBuilder response = Response.status(answer.status());
        for (String name : RETURNED_HEADERS) {
            for (String value : answer.headerValues(name)) {
                response.header(name, name.equals("Location") && value.startsWith(upstreamBase)
                        ? ownBase + value.substring(upstreamBase.length())
                        : value);
            }
        }
        if (answer.body().length > 0 && answer.status() != 204 && answer.status() != 304) {
            response.entity(answer.body());
        }
        return response.build();
    }
}
