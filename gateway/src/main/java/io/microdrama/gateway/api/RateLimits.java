package io.microdrama.gateway.api;

import io.microdrama.gateway.config.GatewayConfig;
import io.microdrama.gateway.domain.GatewayException;
import io.microdrama.gateway.domain.TokenBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The two limits of the gateway: storefront reads per client address, studio pushes per studio. */
@ApplicationScoped
public class RateLimits {

    private final TokenBuckets storefront;
    private final TokenBuckets studioPushes;
    private final MeterRegistry meters;

    public RateLimits(GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.RateLimits limits = config.rateLimit();
        this.storefront = new TokenBuckets(limits.storefront().perSecond(), limits.storefront().burst(),
                limits.maxTrackedKeys(), System::nanoTime);
        this.studioPushes = new TokenBuckets(limits.studioPush().perSecond(), limits.studioPush().burst(),
                limits.maxTrackedKeys(), System::nanoTime);
        this.meters = meters;
        meters.gauge("gateway.rate_limit.tracked_keys", storefront, TokenBuckets::trackedKeys);
    }

    /** @throws GatewayException 429 with Retry-After when the client has used up its storefront budget */
    public void storefrontRead(String clientAddress) {
        TokenBuckets.Decision decision = storefront.take(clientAddress);
        if (!decision.allowed()) {
            meters.counter("gateway.rate_limited", "limit", "storefront").increment();
            throw GatewayException.tooManyRequests("Too many storefront requests from your address; retry after "
                    + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
        }
    }

    /** @throws GatewayException 429 with Retry-After when the studio pushes faster than its budget */
    public void studioPush(String studioId) {
        TokenBuckets.Decision decision = studioPushes.take(studioId);
        if (!decision.allowed()) {
            meters.counter("gateway.rate_limited", "limit", "studio-push").increment();
            throw GatewayException.tooManyRequests("Too many changes from studio " + studioId + "; retry after "
                    + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds());
        }
    }
}
