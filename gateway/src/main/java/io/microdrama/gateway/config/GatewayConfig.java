package io.microdrama.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Everything an operator tunes in the gateway; each key has an env var in application.properties. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Upstreams upstream();

    Resilience resilience();

    @WithName("rate-limit")
    RateLimits rateLimit();

    @WithName("storefront-cache")
    StorefrontCache storefrontCache();

    @WithName("studio-push")
    StudioPushes studioPush();

    interface Upstreams {
        String catalog();

        String localization();

        String billing();
    }

    interface Resilience {
        /** Longest one upstream call may take (connect + answer), per attempt. */
        Duration timeout();

        Duration connectTimeout();

        /** Extra attempts for a GET that failed on the way (never for PUT/POST/DELETE). */
        int readRetries();

        Duration retryBackoff();

        /** Connections kept per upstream. */
        int poolSize();

        CircuitBreaker circuitBreaker();

        interface CircuitBreaker {
            /** Calls in the rolling window before the breaker judges an upstream. */
            int requestVolume();

            double failureRatio();

            /** How long an open breaker refuses calls before letting a probe through. */
            Duration delay();

            int successThreshold();
        }
    }

    interface RateLimits {
        Bucket storefront();

        Bucket studioPush();

        /** Buckets kept in memory; idle (full) ones are dropped first when this is reached. */
        int maxTrackedKeys();
    }

    interface Bucket {
        /** Sustained requests per second. */
        double perSecond();

        /** Requests allowed at once after a quiet period. */
        int burst();
    }

    /** The micro-cache of public storefront answers (see README). */
    interface StorefrontCache {
        /** Longest time an answer is served from memory (shortened by the service's own max-age); 0 turns it off. */
        Duration ttl();

        /** Answers kept at most. */
        int maxEntries();

        /** Bytes of answers (bodies, headers and keys) kept at most; one answer may take an eighth of it. */
        MemorySize maxBytes();
    }

    /** How studio pushes share a service (see README, "Studio pushes in turn"). */
    interface StudioPushes {
        /** Pushes this gateway replica forwards to one service at once; the rest wait, studios in turn. */
        int concurrency();

        /** Pushes one studio may have waiting per service; one more is refused with 429. */
        int maxWaitingPerStudio();

        /** Request bodies held by waiting pushes per service, all studios together; beyond it a push is refused. */
        MemorySize maxWaitingBytes();

        /** Longest a push waits for its turn before it is answered 503 with Retry-After. */
        Duration maxWait();
    }
}
