package io.microdrama.gateway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.microdrama.gateway.config.GatewayConfig;
import io.microdrama.gateway.domain.SharedCacheRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's memory of public storefront answers: each kept for a fraction of a second (at most the TTL, never
 * longer than the service allows), bounded in answers and bytes, and fetched once per key at a time. The store is
 * Caffeine (weight-bounded, expiry per entry, no thread of its own here); the coalescing of concurrent misses is a map
 * of the fetches in flight, because a miss whose answer turns out not to be storable must not be shared (each waiting
 * request then asks the service itself).
 */
@ApplicationScoped
public class StorefrontMicroCache {

    /** One header of a kept answer. */
    public record Header(String name, String value) {
    }

    /**
     * The raw path and query (as the service sees them) and every request header a kept answer may vary on, with
     * Accept-Encoding reduced to "gzip or not" (the only distinction the services make).
     */
    public record Key(String pathAndQuery, boolean gzip, String acceptLanguage, String accept) {

        static Key of(String pathAndQuery, HttpServerRequest request) {
            return new Key(pathAndQuery, SharedCacheRules.acceptsGzip(request.getHeader("Accept-Encoding")),
                    request.getHeader("Accept-Language"), request.getHeader("Accept"));
        }

        /** What the one request of a miss sends: exactly what the key holds, so the answer fits every request of the key. */
        Map<String, String> upstreamHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (gzip) {
                headers.put("Accept-Encoding", "gzip");
            }
            if (acceptLanguage != null) {
                headers.put("Accept-Language", acceptLanguage);
            }
            if (accept != null) {
                headers.put("Accept", accept);
            }
            return headers;
        }

        int bytes() {
            return 2 * (pathAndQuery.length() + length(acceptLanguage) + length(accept)) + 64;
        }
    }

    /** A kept answer (always a 200): its headers, body and ETag, when it was stored and until when it is fresh. */
    public record Entry(List<Header> headers, byte[] body, String etag, long upstreamAgeSeconds, long storedAtNanos,
            long freshUntilNanos, int bytes) {

        boolean freshAt(long nanos) {
            return nanos - freshUntilNanos < 0;
        }

        /** Seconds since the service produced it, as the Age header says it (whole seconds, rounded down). */
        long ageSeconds(long nanos) {
            return upstreamAgeSeconds + (nanos - storedAtNanos) / 1_000_000_000L;
        }
    }

    private final long ttlMillis;
    private final long maxEntryBytes;
    private final Cache<Key, Entry> entries;
    private final Map<Key, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter coalesced;
    private final Counter notKept;
    private final MeterRegistry meters;
    private final List<Gauge> gauges;

    public StorefrontMicroCache(GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.StorefrontCache settings = config.storefrontCache();
        this.ttlMillis = settings.ttl().toMillis();
        long maxBytes = Math.max(1, settings.maxBytes().asLongValue());
        int maxEntries = Math.max(1, settings.maxEntries());
        this.maxEntryBytes = maxBytes / 8;
        // Every entry weighs at least maxBytes / maxEntries: one weight bound holds both the byte and the entry bound.
        long leastWeight = Math.max(1, maxBytes / maxEntries);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, Math.max(leastWeight, entry.bytes())))
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long now) {
                        return Math.max(0, entry.freshUntilNanos() - now);
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long now, long current) {
                        return Math.max(0, entry.freshUntilNanos() - now);
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                // Upkeep (eviction, expiry) runs on the calling thread, a few entries at a time: no pool involved.
                .executor(Runnable::run)
                .build();
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.coalesced = counter(meters, "coalesced");
        this.notKept = counter(meters, "not_kept");
        this.meters = meters;
        this.gauges = List.of(
                Gauge.builder("gateway.storefront.cache.entries", this, StorefrontMicroCache::size).register(meters),
                Gauge.builder("gateway.storefront.cache.bytes", this, StorefrontMicroCache::weight).register(meters));
    }

    /**
     * The gauges read this instance: they go with it. A registry that outlives the application (a restart in dev mode
     * or between test applications in one JVM) would otherwise keep answering a gauge of a cache that is gone, and
     * the next instance's registration would get that stale gauge back instead of its own.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(meters::remove);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return meters.counter("gateway.storefront.cache.requests", "result", result);
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    long ttlMillis() {
        return ttlMillis;
    }

    /** Bigger answers are relayed, never buffered for keeping. */
    long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The fresh entry of the key, or null. */
    Entry fresh(Key key) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.freshAt(System.nanoTime())) {
            hits.increment();
            return entry;
        }
        return null;
    }

    /**
     * Takes the key's fetch on for {@code mine}, or returns the fetch already in flight for it (whose outcome is the
     * entry, or null when the answer was not kept).
     */
    CompletableFuture<Entry> joinOrLead(Key key, CompletableFuture<Entry> mine) {
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            coalesced.increment();
        } else {
            misses.increment();
        }
        return running;
    }

    /** Ends the fetch of the key: keeps the entry (null: nothing to keep) and hands it to the requests that waited. */
    void finish(Key key, CompletableFuture<Entry> mine, Entry kept) {
        if (kept != null) {
            entries.put(key, kept);
        } else {
            notKept.increment();
        }
        inFlight.remove(key, mine);
        mine.complete(kept);
    }

    /** Ends the fetch of the key with the failure the waiting requests answer too (the service is struggling). */
    void fail(Key key, CompletableFuture<Entry> mine, Throwable failure) {
        inFlight.remove(key, mine);
        mine.completeExceptionally(failure);
    }

    /** Answers kept now (after pending upkeep). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** Weight kept now: bytes, with small entries counted at their least weight. */
    public long weight() {
        entries.cleanUp();
        return entries.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
