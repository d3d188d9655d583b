package io.microdrama.catalog.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.StorefrontCache;
import io.microdrama.catalog.application.StorefrontService;
import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.catalog.persistence.StorefrontChangeFeed;
import io.microdrama.catalog.persistence.StorefrontQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront's cache without a database: a counting query stands in for PostgreSQL and a hand-driven feed for its
 * notifications. 304 and repeated reads do not query; an announced change of the region does, another region's does not.
 */
class StorefrontCachingTest {

    /** Counts the storefront queries; answers one LIVE drama whose title the test can change. */
    static final class CountingQueries extends StorefrontQueries {
        final AtomicInteger queries = new AtomicInteger();
        volatile String title = "The Contract Bride";

        CountingQueries() {
            super(null, new ObjectMapper());
        }

        @Override
        public Uni<List<StorefrontListing>> live(String region, Instant now, String genre, String language,
                String displayLanguage, int offset, int limit) {
            queries.incrementAndGet();
            return Uni.createFrom().item(List.of(new StorefrontListing(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                    title, "A marriage.", List.of("romance"), "en", 10, "https://cdn.example.com/c.jpg", 2, 5, "GBP", 99, 2,
                    List.of("en"), null, Instant.parse("2026-01-01T00:00:00Z"))));
        }
    }

    /** The notifications of PostgreSQL, delivered by hand. */
    static final class HandFeed extends StorefrontChangeFeed {
        final List<Consumer<String>> listeners = new ArrayList<>();

        HandFeed() {
            super(null, "postgresql://localhost:5432/catalog", Optional.empty(), Optional.empty());
        }

        @Override
        public CompletionStage<Void> listen(Consumer<String> regionChanged, Runnable subscribed) {
            listeners.add(regionChanged);
            subscribed.run();
            return CompletableFuture.completedFuture(null);
        }

        void announce(String region) {
            listeners.forEach(listener -> listener.accept(region));
        }
    }

    private final CountingQueries queries = new CountingQueries();
    private final HandFeed feed = new HandFeed();
    private StorefrontResource resource;

    @BeforeEach
    void setUp() {
        StorefrontService service = new StorefrontService(queries, Clock.systemUTC(),
                new StorefrontCache(1_000_000, Duration.ofMinutes(5)), feed);
        service.listen();
        resource = new StorefrontResource(service, new ObjectMapper(), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private Response get(String region, String ifNoneMatch, String acceptEncoding) {
        return resource.live(region, 0, 20, null, null, null, ifNoneMatch, acceptEncoding).await().indefinitely();
    }

    @Test
    void aRepeatedReadAndA304AreServedFromMemory() {
        Response first = get("GB", null, null);
        assertThat(first.getStatus()).isEqualTo(200);
        String etag = first.getHeaderString("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.getHeaderString("Cache-Control")).isEqualTo("public, max-age=1, stale-while-revalidate=5");
        assertThat(first.getHeaderString("Vary")).isEqualTo("Accept-Language, Accept-Encoding");

        assertThat(get("GB", null, null).getStatus()).isEqualTo(200);
        Response notModified = get("GB", etag, null);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getHeaderString("ETag")).isEqualTo(etag);
        assertThat(notModified.getHeaderString("Vary")).isEqualTo("Accept-Language, Accept-Encoding");
        assertThat(notModified.getEntity()).isNull();
        assertThat(queries.queries).hasValue(1);
    }

    @Test
    void anAnnouncedChangeOfTheRegionReadsTheDatabaseAgainAnotherRegionsDoesNot() {
        String before = get("GB", null, null).getHeaderString("ETag");
        feed.announce("FR");
        assertThat(get("GB", before, null).getStatus()).isEqualTo(304);
        assertThat(queries.queries).hasValue(1);

        queries.title = "A new title";
        feed.announce("GB");
        Response after = get("GB", before, null);
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(new String((byte[]) after.getEntity())).contains("A new title");
        assertThat(after.getHeaderString("ETag")).isNotEqualTo(before);
        assertThat(queries.queries).hasValue(2);
    }

    @Test
    void gzipIsNegotiatedPerRequest() throws Exception {
        Response plain = get("GB", null, "identity");
        Response zipped = get("GB", null, "br;q=1.0, gzip;q=0.8");
        assertThat(plain.getHeaderString("Content-Encoding")).isNull();
        assertThat(zipped.getHeaderString("Content-Encoding")).isEqualTo("gzip");
        byte[] plainBytes = (byte[]) plain.getEntity();
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream((byte[]) zipped.getEntity())).readAllBytes();
        assertThat(unzipped).isEqualTo(plainBytes);
        // Two representations, two strong tags; revalidating with either is a 304.
        assertThat(zipped.getHeaderString("ETag")).isEqualTo(plain.getHeaderString("ETag").replaceAll("\"$", "-gzip\""));
        assertThat(get("GB", zipped.getHeaderString("ETag"), "gzip").getStatus()).isEqualTo(304);
        assertThat(get("GB", plain.getHeaderString("ETag"), "gzip").getStatus()).isEqualTo(304);
        assertThat(queries.queries).hasValue(1);
    }

    @Test
    void readsAcceptEncoding() {
        assertThat(StorefrontResource.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(StorefrontResource.acceptsGzip("GZIP")).isTrue();
        assertThat(StorefrontResource.acceptsGzip("*")).isTrue();
        assertThat(StorefrontResource.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(StorefrontResource.acceptsGzip("br, gzip ; q=0.0")).isFalse();
        assertThat(StorefrontResource.acceptsGzip("identity")).isFalse();
        assertThat(StorefrontResource.acceptsGzip(null)).isFalse();
    }
}
