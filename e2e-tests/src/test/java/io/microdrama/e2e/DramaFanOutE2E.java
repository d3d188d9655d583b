package io.microdrama.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.Topics;
import io.microdrama.devstack.DevStack;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.devstack.ServiceProcess;
import io.microdrama.testing.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as a user meets it: devstack plus the packaged services as separate JVMs, driven over HTTP
 * with real Keycloak tokens. A drama published in catalog fans out to localization and billing and fans back in.
 */
class DramaFanOutE2E {

    static DevStack stack;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess catalog;
    /** A second catalog process on the same database and consumer group: what a second replica in production is. */
    static ServiceProcess catalogReplica;
    static ServiceProcess localization;
    static ServiceProcess billing;
    static ServiceProcess gateway;
    static OtlpCollectorStandIn collector;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        stack = DevStack.builder().temporaryWorkDir("e2e-").kafka(0)
                .postgres(0, List.of("catalog", "localization", "billing")).keycloak(0).start();
        collector = new OtlpCollectorStandIn();
        catalog = start(root, "catalog-service", "catalog");
        catalogReplica = start(root, "catalog-service", "catalog");
        localization = start(root, "localization-service", "localization");
        billing = start(root, "billing-service", "billing");
        gateway = start(root, "gateway", null, Map.of("CATALOG_URL", catalog.url(),
                "LOCALIZATION_URL", localization.url(), "BILLING_URL", billing.url()));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }
    }

    private static ServiceProcess start(Path root, String module, String database) {
        return start(root, module, database, Map.of());
    }

    private static ServiceProcess start(Path root, String module, String database, Map<String, String> settings) {
        // Tracing on, as deploy/ runs it, exporting to the stand-in collector over OTLP/HTTP.
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
        env.putAll(settings);
        ServiceProcess process = ServiceProcess.start(root, module, 0, stack, database, env);
        services.add(process);
        return process;
    }

    @AfterAll
    static void stopPlatform() {
        for (ServiceProcess service : services) {
            service.close();
            assertThat(service.process().isAlive()).as(service.name() + " stopped").isFalse();
            assertThat(service.process().tail(5)).as(service.name() + " shut down cleanly").contains("stopped in");
        }
        if (collector != null) {
            collector.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneTraceFollowsAPublicationFromTheGatewayThroughCatalogAndKafkaToBilling() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
        String admin = tokens.password("admin", "demo");
        assertThat(call("PUT", catalog.url() + "/api/v1/admin/studios/aurora", admin, "{\"name\":\"Aurora Pictures\"}").statusCode())
                .isIn(200, 201);
        String studio = tokens.clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "e2e-trace-" + UUID.randomUUID().toString().substring(0, 8);
        String drama = """
                {"title":"Traced","originalLanguage":"en","genres":["romance"],"pricingTier":"standard",
                 "episodes":[%s],"licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(episode(1, 90));
        assertThat(call("PUT", gateway.url() + "/api/v1/studio/dramas/" + externalId, studio, drama).statusCode()).isEqualTo(201);

        // The studio's own tracing system started this trace; the publish request carries it into the gateway.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String studioSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(
                        URI.create(gateway.url() + "/api/v1/studio/dramas/" + externalId + "/publish"))
                .header("Authorization", "Bearer " + studio)
                .header("traceparent", "00-" + traceId + "-" + studioSpan + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        String dramaId = json.readTree(published.body()).get("id").asText();

        // catalog's drama.published and billing's price for GB, both keyed by the drama, belong to that trace.
        assertThat(traceparents(Topics.CATALOG_DRAMA, dramaId, 1)).allMatch(parent -> parent.startsWith("00-" + traceId + "-"));
        assertThat(traceparents(Topics.BILLING_PRICING, dramaId, 1)).allMatch(parent -> parent.startsWith("00-" + traceId + "-"));
        // And the gateway, catalog and billing each exported spans of it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(collector.exported("gateway", traceId)).as("gateway spans").isTrue();
            assertThat(collector.exported("catalog-service", traceId)).as("catalog spans").isTrue();
            assertThat(collector.exported("billing-service", traceId)).as("billing spans").isTrue();
        });
    }

    /** The traceparent headers of the first {@code atLeast} records keyed {@code key} on {@code topic}. */
    private static List<String> traceparents(String topic, String key, int atLeast) {
        return new KafkaProbe(stack.kafkaBootstrapServers().orElseThrow())
                .awaitRecords(topic, KafkaProbe.keyed(key), atLeast, Duration.ofSeconds(60)).stream()
                .map(record -> String.valueOf(KafkaProbe.header(record, "traceparent")))
                .toList();
    }

    @Test
    void publishedDramaReachesLiveWhereLicensedLocalizedAndPricedOnly() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
        String studio = tokens.clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String drama = """
                {"title":"Midnight CEO","originalLanguage":"en","genres":["romance"],"pricingTier":"standard",
                 "ageRatings":{"DE":"fsk:12"},
                 "episodes":[%s],
                 "licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"},{"region":"DE","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(String.join(",", episode(1, 90), episode(2, 75), episode(3, 110)));
        // An admin registers the studio before it can push anything.
        String admin = tokens.password("admin", "demo");
        assertThat(call("PUT", catalog.url() + "/api/v1/admin/studios/aurora", admin, "{\"name\":\"Aurora Pictures\"}").statusCode())
                .isIn(200, 201);

        assertThat(call("PUT", catalog.url() + "/api/v1/studio/dramas/" + externalId, studio, drama).statusCode()).isEqualTo(201);
        HttpResponse<String> published = call("POST", catalog.url() + "/api/v1/studio/dramas/" + externalId + "/publish", studio, null);
        assertThat(published.statusCode()).isEqualTo(200);
        String dramaId = json.readTree(published.body()).get("id").asText();

        // English audio serves GB, so GB needs no subtitles and goes LIVE; DE needs German subtitles first.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode view = json.readTree(call("GET", catalog.url() + "/api/v1/studio/dramas/" + externalId, studio, null).body());
            assertThat(rollout(view, "GB").get("state").asText()).isEqualTo("LIVE");
            assertThat(rollout(view, "DE").get("state").asText()).isEqualTo("WAITING");
            assertThat(texts(rollout(view, "DE").get("blockers"))).containsExactly("MISSING_LANGUAGE:de");
        });
        JsonNode gbShelf = json.readTree(call("GET", catalog.url() + "/api/v1/storefront/GB/dramas", null, null).body());
        assertThat(ids(gbShelf)).contains(dramaId);
        JsonNode gbEntry = StreamSupport.stream(gbShelf.get("items").spliterator(), false)
                .filter(item -> item.get("id").asText().equals(dramaId)).findFirst().orElseThrow();
        assertThat(gbEntry.get("episodePrice").get("currency").asText()).isEqualTo("GBP");
        assertThat(ids(json.readTree(call("GET", catalog.url() + "/api/v1/storefront/DE/dramas", null, null).body()))).doesNotContain(dramaId);
        assertThat(ids(json.readTree(call("GET", catalog.url() + "/api/v1/storefront/US/dramas", null, null).body()))).doesNotContain(dramaId);

        JsonNode plan = json.readTree(call("GET", localization.url() + "/api/v1/localization/dramas/" + dramaId + "/plan", studio, null).body());
        assertThat(texts(regionNode(plan.get("regions"), "DE").get("missingLanguages"))).containsExactly("de");
        assertThat(regionNode(plan.get("regions"), "GB").get("ready").asBoolean()).isTrue();

        JsonNode prices = json.readTree(call("GET", billing.url() + "/api/v1/billing/dramas/" + dramaId + "/prices", studio, null).body());
        assertThat(regionNode(prices, "GB").get("currency").asText()).isEqualTo("GBP");
        assertThat(regionNode(prices, "DE").get("currency").asText()).isEqualTo("EUR");
        assertThat(regionNode(prices, "DE").get("amountMinor").asLong()).isPositive();

        // Another studio sees none of it.
        String lotus = tokens.clientCredentials("studio-lotus", "lotus-dev-secret");
        assertThat(call("GET", localization.url() + "/api/v1/localization/dramas/" + dramaId + "/plan", lotus, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", billing.url() + "/api/v1/billing/dramas/" + dramaId + "/prices", lotus, null).statusCode()).isEqualTo(404);
    }

    /**
     * Two catalog processes on one database: a hold and a release committed through one of them take the drama off
     * and back onto the other's cached storefront page (the change reaches it as a PostgreSQL notification), and both
     * serve the page from the database when cold. The two also share the outbox relay and the Kafka consumer group.
     */
    @Test
    void aHoldOnOneCatalogReplicaReachesTheOthersCachedStorefrontPage() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
        String admin = tokens.password("admin", "demo");
        assertThat(call("PUT", catalog.url() + "/api/v1/admin/studios/aurora", admin, "{\"name\":\"Aurora Pictures\"}").statusCode())
                .isIn(200, 201);
        String studio = tokens.clientCredentials("studio-aurora", "aurora-dev-secret");
        String externalId = "e2e-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        String drama = """
                {"title":"Two Replicas","originalLanguage":"en","genres":["drama"],"pricingTier":"standard",
                 "episodes":[%s],"licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(episode(1, 80));
        assertThat(call("PUT", catalogReplica.url() + "/api/v1/studio/dramas/" + externalId, studio, drama).statusCode()).isEqualTo(201);
        HttpResponse<String> published = call("POST", catalog.url() + "/api/v1/studio/dramas/" + externalId + "/publish", studio, null);
        assertThat(published.statusCode()).isEqualTo(200);
        String dramaId = json.readTree(published.body()).get("id").asText();

        // LIVE in GB, seen by both replicas (each fills its own cache from the database).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(storefrontIds(catalog, "GB")).contains(dramaId);
            assertThat(storefrontIds(catalogReplica, "GB")).contains(dramaId);
        });

        String opsEu = tokens.password("ops-eu", "demo");
        assertThat(call("POST", catalog.url() + "/api/v1/ops/regions/GB/dramas/" + dramaId + "/hold", opsEu,
                "{\"reason\":\"replica check\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(storefrontIds(catalogReplica, "GB")).doesNotContain(dramaId));

        assertThat(call("POST", catalogReplica.url() + "/api/v1/ops/regions/GB/dramas/" + dramaId + "/release?reason=cleared",
                opsEu, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(storefrontIds(catalog, "GB")).contains(dramaId));
    }

    private static List<String> storefrontIds(ServiceProcess catalogProcess, String region) throws Exception {
        HttpResponse<String> page = call("GET", catalogProcess.url() + "/api/v1/storefront/" + region + "/dramas?size=100", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        return ids(json.readTree(page.body()));
    }

    @Test
    void gatewayAcceptsRealTokensAndRefusesMissingOnes() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
        HttpResponse<String> me = call("GET", gateway.url() + "/api/v1/me", tokens.password("ops-na", "demo"), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("ops");
        assertThat(call("GET", gateway.url() + "/api/v1/me", null, null).statusCode()).isEqualTo(401);
    }

    private static String episode(int number, int seconds) {
        return """
                {"number":%d,"title":"Episode %d","durationSeconds":%d,"videoUri":"https://cdn.example.com/e2e/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(number, number, seconds, number, number);
    }

    private static HttpResponse<String> call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode rollout(JsonNode drama, String region) {
        return regionNode(drama.get("rollout"), region);
    }

    private static JsonNode regionNode(JsonNode array, String region) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.get("region").asText().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no " + region + " in " + array));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asText()).toList();
    }
}
