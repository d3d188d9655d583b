package io.microdrama.catalog.application;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered storefront answers in memory, per region: the bytes (plain and gzipped, so no request pays for
 * compression) and their strong ETag. The database stays the truth: an entry lives until a change to its region is
 * announced ({@link #invalidateRegion}), and never longer than {@code maxAge}, which bounds what no notification
 * announces (a licence window opening or closing by the clock, a notification lost while the listening connection was
 * down). Bounded in bytes, least recently used first out.
 * <p>
 * A Caffeine {@link AsyncCache} keeps one load in flight per key, so a burst of misses costs one query; invalidating
 * a region also drops loads still in flight, so a page read before a change committed never lands in the cache after
 * the change was announced.
 */
public class StorefrontCache {

    /** An answer as served: {@code body} null when there is nothing to serve (a drama that is not LIVE there). */
    public record Rendered(byte[] body, byte[] gzipped, String etag) {

        static final Rendered ABSENT = new Rendered(null, null, null);

        public boolean absent() {
            return body == null;
        }

        /** Strong ETag value (without quotes): a hash of the plain bytes. */
        static Rendered of(byte[] body) {
            return new Rendered(body, gzip(body), sha256(body));
        }

        int weight() {
            return 128 + (body == null ? 0 : body.length + gzipped.length);
        }
    }

    /** What identifies a cached answer; {@code region} is what a change invalidates. */
    public interface Key {
        String region();
    }

    private final AsyncCache<Key, Rendered> entries;

    public StorefrontCache(long maxBytes, Duration maxAge) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Rendered value) -> value.weight())
                .expireAfterWrite(maxAge)
                // Maintenance is a few map operations: do it on the calling thread, not on a pool of its own.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** The cached answer for {@code key}, loaded by {@code load} when missing (one load per key at a time). */
    public Uni<Rendered> get(Key key, Supplier<Uni<Rendered>> load) {
        return Uni.createFrom().completionStage(entries.get(key, (ignored, executor) ->
                load.get().subscribeAsCompletionStage()));
    }

    public void invalidateRegion(String region) {
        entries.asMap().keySet().removeIf(key -> key.region().equals(region));
    }

    public void invalidateAll() {
        entries.asMap().clear();
    }

    /** Entries held now (loads in flight included), for tests and metrics. */
    public long size() {
        return entries.asMap().size();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 3));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
