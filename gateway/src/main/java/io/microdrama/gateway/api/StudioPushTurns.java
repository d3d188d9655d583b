package io.microdrama.gateway.api;

import io.microdrama.gateway.config.GatewayConfig;
import io.microdrama.gateway.domain.FairShare;
import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.domain.Upstream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Studio pushes take turns per service ({@link FairShare}): a push is forwarded when its studio's turn comes, and its
 * slot is freed when the forwarded call is over, whichever way (answer, failure, timeout, the caller gone). A push that
 * cannot queue is a 429; one that waited {@code GATEWAY_STUDIO_PUSH_MAX_WAIT} without a turn is a 503. Neither has
 * reached the service.
 */
@ApplicationScoped
public class StudioPushTurns {

    private final Map<Upstream, FairShare> shares = new EnumMap<>(Upstream.class);
    private final List<Gauge> gauges = new ArrayList<>();
    private final Duration maxWait;
    private final MeterRegistry meters;

    public StudioPushTurns(GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.StudioPushes pushes = config.studioPush();
        for (Upstream upstream : Upstream.values()) {
            FairShare share = new FairShare(pushes.concurrency(), pushes.maxWaitingPerStudio(),
                    pushes.maxWaitingBytes().asLongValue());
            shares.put(upstream, share);
            Tags tags = Tags.of("upstream", upstream.serviceName());
            gauges.add(Gauge.builder("gateway.studio_push.running", share, FairShare::running).tags(tags).register(meters));
            gauges.add(Gauge.builder("gateway.studio_push.waiting", share, FairShare::waiting).tags(tags).register(meters));
        }
        this.maxWait = pushes.maxWait();
        this.meters = meters;
    }

    /** Runs {@code push} when the studio's turn at {@code upstream} comes; holds the turn until it is over. */
    public Uni<Response> inTurn(Upstream upstream, String studioId, long bodyBytes,
            Supplier<Uni<Response>> push) {
        FairShare share = shares.get(upstream);
        AtomicReference<FairShare.Turn> place = new AtomicReference<>();
        return Uni.createFrom().<FairShare.Turn>emitter(emitter -> {
                    Context context = Vertx.currentContext();
                    FairShare.Turn turn = share.request(studioId, bodyBytes, started -> {
                        if (context == null) {
                            emitter.complete(started);
                        } else {
                            // The turn may come on the thread of another request that freed the slot.
                            context.runOnContext(ignored -> emitter.complete(started));
                        }
                    });
                    if (turn == null) {
                        meters.counter("gateway.rate_limited", "limit", "studio-push-queue").increment();
                        emitter.fail(GatewayException.tooManyRequests("Too many changes from studio " + studioId
                                + " waiting for " + upstream.serviceName() + "; retry after 1 s", 1));
                    } else {
                        place.set(turn);
                    }
                })
                .ifNoItem().after(maxWait).failWith(() -> {
                    meters.counter("gateway.rate_limited", "limit", "studio-push-wait").increment();
                    return new GatewayException(503, "Service Unavailable", upstream.serviceName()
                            + " is busy with other studios' changes; retry after 1 s", Map.of("Retry-After", "1"));
                })
                // Timed out above, or the caller went away, before the turn came: leave the queue (or free the slot
                // of a turn that came just then).
                .onFailure().invoke(ignored -> endIfHeld(place))
                .onCancellation().invoke(() -> endIfHeld(place))
                .flatMap(turn -> push.get().onTermination().invoke(turn::end));
    }

    /** The gauges read this instance's shares: they go with it (as the storefront cache's, for the same reason). */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(meters::remove);
    }

    private static void endIfHeld(AtomicReference<FairShare.Turn> place) {
        FairShare.Turn turn = place.get();
        if (turn != null) {
            turn.end();
        }
    }
}
