package io.microdrama.gateway.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What the gateway's micro-cache of storefront answers may keep, for how long, and under which key: the shared-cache
 * rules of RFC 9111 that matter for anonymous reads, and nothing more. An answer is kept only when the service said
 * so ({@code public}), for the shorter of the gateway's TTL and the service's own freshness, and never when it is
 * personal ({@code private}, {@code Set-Cookie}), forbidden to store ({@code no-store}, {@code no-cache}), not a 200,
 * or varies on something the key does not hold.
 */
public final class SharedCacheRules {

    /** The request headers a cached answer may vary on: the key holds each of them (lower-case names). */
    public static final Set<String> KEYED_REQUEST_HEADERS = Set.of("accept", "accept-encoding", "accept-language");

    private SharedCacheRules() {
    }

    /**
     * The routes whose answers are kept: catalog's public storefront reads (a page of dramas, one drama), the hot path,
     * whose changes catalog announces at once. Subtitle files (up to ~1 MiB each) would crowd the pages out of the byte
     * bound, and billing's offers change at most daily and already carry a long max-age for downstream caches.
     */
    public static boolean cachedRoute(Route route) {
        return route.method().equals("GET") && route.access().isPublic() && route.upstream() == Upstream.CATALOG;
    }

    /** Whether Accept-Encoding allows gzip (or any coding, {@code *}) with a weight above zero: the key's one bit of it. */
    public static boolean acceptsGzip(String acceptEncoding) {
        return acceptsAnyOf(acceptEncoding, Set.of("gzip"));
    }

    /** Whether the client accepts a content coding the HTTP server could compress with (gzip, deflate, br, zstd). */
    public static boolean acceptsCompression(String acceptEncoding) {
        return acceptsAnyOf(acceptEncoding, Set.of("gzip", "deflate", "br", "zstd", "x-gzip"));
    }

    private static boolean acceptsAnyOf(String acceptEncoding, Set<String> codings) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if ((codings.contains(name) || name.equals("*")) && !zeroWeight(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean zeroWeight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0*)?")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many milliseconds an answer may be served from memory; 0 when it must not be kept.
     *
     * @param status      the service's status
     * @param header      the service's header values by lower-case name (an empty list when absent)
     * @param gzipVariant whether the key is the gzip variant (the request accepted gzip)
     * @param ttlMillis   the gateway's bound
     */
    public static long freshForMillis(int status, Function<String, List<String>> header, boolean gzipVariant, long ttlMillis) {
        if (status != 200 || ttlMillis <= 0 || !header.apply("set-cookie").isEmpty()) {
            return 0;
        }
        if (!varyIsKeyed(header.apply("vary")) || !encodingFits(header.apply("content-encoding"), gzipVariant)) {
            return 0;
        }
        boolean isPublic = false;
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String line : header.apply("cache-control")) {
            for (String directive : line.split(",")) {
                String[] nameValue = directive.strip().split("=", 2);
                String name = nameValue[0].strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "public" -> isPublic = true;
                    case "private", "no-store", "no-cache" -> {
                        return 0;
                    }
                    case "max-age" -> maxAge = seconds(nameValue);
                    case "s-maxage" -> sharedMaxAge = seconds(nameValue);
                    default -> {
                    }
                }
            }
        }
        if (!isPublic) {
            return 0;
        }
        long lifetimeSeconds = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
        if (lifetimeSeconds < 0) {
            return ttlMillis;
        }
        long remaining = (lifetimeSeconds - ageSeconds(header.apply("age"))) * 1000;
        return Math.max(0, Math.min(ttlMillis, remaining));
    }

    /** {@code Vary: *} or a header the key does not hold make an answer unkeyable. */
    private static boolean varyIsKeyed(List<String> vary) {
        for (String line : vary) {
            for (String name : line.split(",")) {
                String header = name.strip().toLowerCase(Locale.ROOT);
                if (!header.isEmpty() && !KEYED_REQUEST_HEADERS.contains(header)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Plain fits every variant; gzip only the gzip variant; any other coding is not kept. */
    private static boolean encodingFits(List<String> contentEncoding, boolean gzipVariant) {
        for (String line : contentEncoding) {
            for (String coding : line.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty() || name.equals("identity")) {
                    continue;
                }
                if (!(gzipVariant && name.equals("gzip"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A malformed or negative number counts as 0 (stale at once), as RFC 9111 asks of caches. */
    private static long seconds(String[] nameValue) {
        if (nameValue.length < 2) {
            return 0;
        }
        String value = nameValue[1].strip().replace("\"", "");
        if (!value.matches("\\d{1,10}")) {
            return 0;
        }
        return Long.parseLong(value);
    }

    private static long ageSeconds(List<String> age) {
        if (age.isEmpty() || !age.get(0).strip().matches("\\d{1,10}")) {
            return 0;
        }
        return Long.parseLong(age.get(0).strip());
    }

    /** If-None-Match against a stored ETag, by weak comparison ({@code W/} ignored), {@code *} matching any. */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String stored = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(stored)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String stripped = tag.strip();
        return stripped.startsWith("W/") ? stripped.substring(2) : stripped;
    }
}
