package io.microdrama.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SharedCacheRulesTest {

    private static Function<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return name -> map.getOrDefault(name, List.of());
    }

    @Test
    void aPublicAnswerIsKeptForTheShorterOfTheTtlAndItsOwnFreshness() {
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30"), false, 500)).isEqualTo(500);
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=1, stale-while-revalidate=5",
                "vary", "Accept-Language, Accept-Encoding"), false, 5000)).isEqualTo(1000);
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30, s-maxage=0"), false, 500))
                .as("s-maxage speaks for shared caches").isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=2", "age", "2"), false, 500))
                .as("already as old as it may be").isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public"), false, 500)).isEqualTo(500);
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30"), false, 0))
                .as("TTL 0: off").isZero();
    }

    @Test
    void personalUnstorableUnkeyableOrFailedAnswersAreNotKept() {
        assertThat(SharedCacheRules.freshForMillis(200, headers(), false, 500)).as("no Cache-Control").isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "max-age=30"), false, 500)).as("not public").isZero();
        for (String personal : List.of("private, max-age=30", "public, no-store", "public, no-cache", "public, PRIVATE=\"x\"")) {
            assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", personal), false, 500)).as(personal).isZero();
        }
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "set-cookie", "a=b"),
                false, 500)).isZero();
        assertThat(SharedCacheRules.freshForMillis(404, headers("cache-control", "public, max-age=30"), false, 500)).isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "vary", "Cookie"), false, 500))
                .as("varies on what the key does not hold").isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "vary", "*"), false, 500)).isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "content-encoding", "gzip"),
                false, 500)).as("gzip for a key that does not accept it").isZero();
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "content-encoding", "gzip"),
                true, 500)).isEqualTo(500);
        assertThat(SharedCacheRules.freshForMillis(200, headers("cache-control", "public, max-age=30", "content-encoding", "br"),
                true, 500)).isZero();
    }

    @Test
    void gzipAcceptanceAndIfNoneMatch() {
        assertThat(SharedCacheRules.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(SharedCacheRules.acceptsGzip("*")).isTrue();
        assertThat(SharedCacheRules.acceptsGzip("gzip;q=0, br")).isFalse();
        assertThat(SharedCacheRules.acceptsGzip("identity")).isFalse();
        assertThat(SharedCacheRules.acceptsGzip(null)).isFalse();
        assertThat(SharedCacheRules.acceptsCompression("br")).isTrue();
        assertThat(SharedCacheRules.acceptsCompression("identity")).isFalse();

        assertThat(SharedCacheRules.notModified("\"a\", W/\"h\"", "\"h\"")).isTrue();
        assertThat(SharedCacheRules.notModified("*", "\"h\"")).isTrue();
        assertThat(SharedCacheRules.notModified("\"h-gzip\"", "\"h\"")).isFalse();
        assertThat(SharedCacheRules.notModified(null, "\"h\"")).isFalse();
        assertThat(SharedCacheRules.notModified("\"h\"", null)).isFalse();
    }

    @Test
    void onlyCatalogsPublicStorefrontReadsAreKept() {
        List<Route> kept = RouteTable.sorted().stream().filter(SharedCacheRules::cachedRoute).toList();
        assertThat(kept).extracting(Route::toString).containsExactlyInAnyOrder("GET /api/v1/storefront/{region}/dramas",
                "GET /api/v1/storefront/{region}/dramas/{dramaId}");
    }
}
