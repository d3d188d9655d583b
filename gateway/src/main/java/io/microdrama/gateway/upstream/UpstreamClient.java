package io.microdrama.gateway.upstream;

import io.microdrama.gateway.config.GatewayConfig;
import io.microdrama.gateway.domain.Upstream;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calls the services. Per service: one pooled Vert.x web client and one guard (SmallRye Fault Tolerance) with a
 * timeout per attempt and a circuit breaker, so one failing service cannot tie up the gateway or the others.
 * A GET whose connection was refused or dropped is tried again with backoff; any other method is sent exactly once,
 * because repeating a change the service may already have applied is not safe.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);

    private record Target(Upstream upstream, String baseUrl, WebClient client, HttpClient streamingClient, Guard guard) {
    }

    private static final TypeLiteral<Uni<UpstreamAnswer>> BUFFERED = new TypeLiteral<>() {
    };
    private static final TypeLiteral<Uni<RelayedAnswer>> STREAMED = new TypeLiteral<>() {
    };

    /** A 5xx answer travels as a failure inside the guard, so the circuit breaker counts it. */
    private static final class ServerErrorAnswer extends RuntimeException {
        private final UpstreamAnswer answer;

        ServerErrorAnswer(UpstreamAnswer answer) {
            super("status " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }

    private final Map<Upstream, Target> targets = new EnumMap<>(Upstream.class);
    private final GatewayConfig.Resilience resilience;
    private final MeterRegistry meters;

    public UpstreamClient(Vertx vertx, GatewayConfig config, MeterRegistry meters) {
        this.resilience = config.resilience();
        this.meters = meters;
        Map<Upstream, String> urls = Map.of(Upstream.CATALOG, config.upstream().catalog(),
                Upstream.LOCALIZATION, config.upstream().localization(), Upstream.BILLING, config.upstream().billing());
        for (Upstream upstream : Upstream.values()) {
            String baseUrl = stripTrailingSlash(urls.get(upstream));
            URI.create(baseUrl); // fail at start on a malformed URL, not on the first request
            WebClient client = WebClient.create(vertx, new WebClientOptions()
                    .setMaxPoolSize(resilience.poolSize())
                    .setConnectTimeout((int) resilience.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setFollowRedirects(false)
                    .setTryUseCompression(false)
                    .setUserAgentEnabled(false));
            // The thin read path's client: same pool size and keep-alive, answers streamed instead of buffered.
            HttpClient streamingClient = vertx.getDelegate().createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) resilience.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setTryUseCompression(false), new PoolOptions().setHttp1MaxSize(resilience.poolSize()));
            targets.put(upstream, new Target(upstream, baseUrl, client, streamingClient, guard(upstream)));
        }
    }

    /** One guard per service, shared by the buffered and the streaming path: one breaker counts all its calls. */
    private Guard guard(Upstream upstream) {
        GatewayConfig.Resilience.CircuitBreaker breaker = resilience.circuitBreaker();
        String name = upstream.serviceName();
        return Guard.create()
                .withDescription(name)
                .withTimeout().duration(resilience.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .onStateChange(state -> LOG.warnf("Circuit breaker of %s is now %s", name, state))
                .done()
                .build();
    }

    @PreDestroy
    void close() {
        targets.values().forEach(target -> {
            target.client().close();
            target.streamingClient().close();
        });
    }

    public String baseUrl(Upstream upstream) {
        return targets.get(upstream).baseUrl();
    }

    /**
     * The service's answer, including its 4xx answers and its own 5xx problem answers (passed on as they are).
     * Fails with {@link UpstreamFailure} when there is no answer worth passing on.
     */
    public Uni<UpstreamAnswer> send(Upstream upstream, UpstreamRequest request) {
        Target target = targets.get(upstream);
        Uni<UpstreamAnswer> call = Uni.createFrom().deferred(() -> target.guard().get(() -> exchange(target, request), BUFFERED))
                .onFailure().transform(failure -> classify(upstream, failure));
        if (request.idempotentRead() && resilience.readRetries() > 0) {
            call = call.onFailure(UpstreamClient::worthRetrying).retry()
                    .withBackOff(resilience.retryBackoff(), resilience.retryBackoff().multipliedBy(4))
                    .atMost(resilience.readRetries());
        }
        return call
                .onFailure(ServerErrorAnswer.class).recoverWithUni(failure -> passOnOrRefuse(upstream, (ServerErrorAnswer) failure))
                .onFailure(UpstreamFailure.class).invoke(failure -> record(request, (UpstreamFailure) failure));
    }

    /**
     * The thin path for anonymous reads (GET only): the same guard settings, retries and failures as {@link #send}, but
     * the answer comes back as soon as its headers are read, paused, for the caller to stream on; only a 5xx is read
     * whole first (a problem is passed on, anything else becomes a 502).
     */
    public Uni<RelayedAnswer> relay(Upstream upstream, UpstreamRequest request) {
        Target target = targets.get(upstream);
        Uni<RelayedAnswer> call = Uni.createFrom().deferred(() -> target.guard().get(() -> open(target, request), STREAMED))
                .onFailure().transform(failure -> classify(upstream, failure));
        if (resilience.readRetries() > 0) {
            call = call.onFailure(UpstreamClient::worthRetrying).retry()
                    .withBackOff(resilience.retryBackoff(), resilience.retryBackoff().multipliedBy(4))
                    .atMost(resilience.readRetries());
        }
        return call
                .onFailure(ServerErrorAnswer.class).recoverWithUni(failure -> passOnOrRefuse(upstream, (ServerErrorAnswer) failure)
                        .map(answer -> new RelayedAnswer(null, answer)))
                .onFailure(UpstreamFailure.class).invoke(failure -> record(request, (UpstreamFailure) failure));
    }

    private Uni<RelayedAnswer> open(Target target, UpstreamRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(target.baseUrl() + request.pathAndQuery())
                .setIdleTimeout(resilience.timeout().toMillis() + 1000);
        request.headers().forEach(options::putHeader);
        Future<RelayedAnswer> answer = target.streamingClient().request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> {
                    if (response.statusCode() >= 500) {
                        return response.body().compose(body -> Future.failedFuture(new ServerErrorAnswer(
                                answer(response.statusCode(), response.headers(), body.getBytes()))));
                    }
                    // Hold the body until the caller's answer is ready to take it (on this event loop, before any chunk).
                    response.pause();
                    return Future.succeededFuture(new RelayedAnswer(response, null));
                });
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private static UpstreamAnswer answer(int status, io.vertx.core.MultiMap headerMap, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : headerMap.names()) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(headerMap.getAll(name)));
        }
        return new UpstreamAnswer(status, headers, body);
    }

    private Uni<UpstreamAnswer> exchange(Target target, UpstreamRequest request) {
        // Vert.x's own timeout a little later than the guard's: it only frees the connection of an abandoned call.
        HttpRequest<Buffer> call = target.client()
                .requestAbs(HttpMethod.valueOf(request.method()), target.baseUrl() + request.pathAndQuery())
                .timeout(resilience.timeout().toMillis() + 1000);
        request.headers().forEach(call::putHeader);
        Uni<HttpResponse<Buffer>> sent = request.body() == null ? call.send() : call.sendBuffer(Buffer.buffer(request.body()));
        return sent.map(UpstreamClient::answer).flatMap(answer -> answer.status() >= 500
                ? Uni.createFrom().failure(new ServerErrorAnswer(answer))
                : Uni.createFrom().item(answer));
    }

    private static UpstreamAnswer answer(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        return answer(response.statusCode(), response.headers().getDelegate(), body == null ? new byte[0] : body.getBytes());
    }

    private Throwable classify(Upstream upstream, Throwable failure) {
        String service = upstream.serviceName();
        if (failure instanceof ServerErrorAnswer) {
            return failure;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            Duration delay = resilience.circuitBreaker().delay();
            return new UpstreamFailure(upstream, UpstreamFailure.Kind.CIRCUIT_OPEN, service
                    + " has been failing; the gateway stops calling it for up to " + delay.toSeconds() + " s", delay);
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException) {
            return new UpstreamFailure(upstream, UpstreamFailure.Kind.TIMEOUT,
                    service + " did not answer within " + resilience.timeout().toMillis() + " ms", null);
        }
        LOG.debugf(failure, "Call to %s failed", service);
        if (failure instanceof ConnectException) {
            return new UpstreamFailure(upstream, UpstreamFailure.Kind.UNREACHABLE, service + " is unreachable", null);
        }
        return new UpstreamFailure(upstream, UpstreamFailure.Kind.BAD_ANSWER,
                service + " closed the connection without a valid answer", null);
    }

    /**
     * Only failures on the way: a refused or dropped connection (a restarting instance, a keep-alive connection closed
     * under us). Not a timeout and not a 5xx answer: the service is there but struggling, and repeating the call at
     * once would only add to its load (its own Retry-After reaches the caller instead).
     */
    private static boolean worthRetrying(Throwable failure) {
        return failure instanceof UpstreamFailure upstreamFailure && (upstreamFailure.kind() == UpstreamFailure.Kind.UNREACHABLE
                || upstreamFailure.kind() == UpstreamFailure.Kind.BAD_ANSWER);
    }

    /** A service's own problem answer carries its reason (and Retry-After); anything else could leak a stack trace. */
    private static Uni<UpstreamAnswer> passOnOrRefuse(Upstream upstream, ServerErrorAnswer error) {
        if (error.answer.isProblem()) {
            return Uni.createFrom().item(error.answer);
        }
        return Uni.createFrom().failure(new UpstreamFailure(upstream, UpstreamFailure.Kind.BAD_ANSWER,
                upstream.serviceName() + " failed with status " + error.answer.status(), null));
    }

    private void record(UpstreamRequest request, UpstreamFailure failure) {
        meters.counter("gateway.upstream.failures", "upstream", failure.upstream().serviceName(),
                "kind", failure.kind().name().toLowerCase(Locale.ROOT)).increment();
        if (failure.kind() != UpstreamFailure.Kind.CIRCUIT_OPEN) {
            LOG.warnf("%s %s -> %s", request.method(), request.pathAndQuery(), failure.getMessage());
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
