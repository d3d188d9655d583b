package io.microdrama.gateway.domain;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token-bucket rate limiting, one bucket per key (a client address, a studio). A bucket holds up to {@code burst}
 * tokens and refills at {@code perSecond}; a request takes one token or is refused with the time until the next one.
 * Buckets live in memory, per gateway replica: with N replicas a client gets up to N times the rate, which is the
 * price of needing no shared store (see README).
 */
public final class TokenBuckets {

    /** Whether the request may go on and, if not, after how many whole seconds it may try again (at least 1). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final double perNano;
    private final int burst;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate must be > 0, burst >= 1, maxKeys >= 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    public Decision take(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double waitNanos = (1 - bucket.tokens) / perNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }
    }

    public int trackedKeys() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.refilledAt);
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perNano);
        bucket.refilledAt = now;
    }

    /**
     * A bucket that has refilled completely carries no information: dropping it changes nothing for its key. If that
     * is not enough (a flood of distinct keys), arbitrary ones go (their keys start again with a full burst). Either way
     * down to 90 % of the maximum, so the next clean-up is a tenth of the maximum in new keys away and a flood cannot
     * make every request pay for a scan of the whole map.
     */
    private void evictIdle(long now) {
        int target = Math.max(1, maxKeys - Math.max(1, maxKeys / 10));
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                if (bucket.tokens + (now - bucket.refilledAt) * perNano >= burst) {
                    it.remove();
                }
            }
        }
        Iterator<Bucket> it = buckets.values().iterator();
        while (buckets.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
