package io.microdrama.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.devstack.PackagedPlatform;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.devstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix of the public API, through the gateway, with real tokens from the devstack Keycloak: every role
 * (two studios, ops of North America and of Europe, a CJK and an RTL localizer, an admin, nobody) against the routes,
 * in and out of scope (own / other studio, own / other region, own / other language), with the status expected in
 * each cell written down in {@link #MATRIX}. One platform start for the whole class: devstack plus the four packaged
 * services as separate JVMs. The drama under test belongs to studio aurora and is licensed in GB (English only: goes
 * LIVE), US (needs es-419) and JP (needs ja): ops-na covers US, ops-eu covers GB, nobody but admin covers JP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySecurityMatrixE2E {

    enum Who { AURORA, LOTUS, OPS_NA, OPS_EU, CJK, RTL, ADMIN, ANON }

    /** One cell: who calls what, and the status the gateway must answer. {A} is the drama id, {EXT} its external id. */
    record Cell(Who who, String method, String path, String body, int expected) {
        @Override
        public String toString() {
            return who + " " + method + " " + path + " -> " + expected;
        }
    }

    static Cell cell(Who who, String method, String path, int expected) {
        return new Cell(who, method, path, null, expected);
    }

    static Cell cell(Who who, String method, String path, String body, int expected) {
        return new Cell(who, method, path, body, expected);
    }

    static final String VTT_JA = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nこんにちは\n";
    static final String VTT_ES = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHola\n";
    /** Episode 1 only: US must stay WAITING (es-419 of episode 2 missing) for the storefront cells at the end. */
    static final String BULK_ES = "{\"files\":[{\"episode\":1,\"format\":\"WEBVTT\",\"content\":\"WEBVTT\\n\\n"
            + "00:00:01.000 --> 00:00:03.000\\nHola a todos\\n\"}]}";
    static final String BULK_JA = BULK_ES.replace("Hola a todos", "こんにちは");
    static final String HOLD = "{\"reason\":\"e2e matrix hold\"}";
    static final String APPROVE = "{\"decision\":\"APPROVED\",\"comment\":\"e2e matrix approval\"}";
    static final String IMPACT_FX = "{\"rates\":{\"EUR\":0.95},\"source\":\"e2e matrix impact\"}";
    static final String IMPACT_TIER = "{\"freeEpisodes\":5,\"coinsPerEpisode\":12,\"notes\":\"e2e matrix impact\"}";
    static final String OVERRIDE = "{\"coinsPerEpisode\":50,\"freeEpisodes\":3,\"reason\":\"e2e matrix override\"}";

    /** Run in this order: some cells build on earlier ones (an upload before its read, a hold before its release). */
    static final List<Cell> MATRIX = List.of(
            // Studio routes (catalog): role studio; another studio's drama does not exist for it.
            cell(Who.AURORA, "GET", "/api/v1/studio/dramas", 200),
            cell(Who.LOTUS, "GET", "/api/v1/studio/dramas", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/studio/dramas", 403),
            cell(Who.CJK, "GET", "/api/v1/studio/dramas", 403),
            cell(Who.ADMIN, "GET", "/api/v1/studio/dramas", 403),
            cell(Who.ANON, "GET", "/api/v1/studio/dramas", 401),
            cell(Who.AURORA, "GET", "/api/v1/studio/dramas/{EXT}", 200),
            cell(Who.LOTUS, "GET", "/api/v1/studio/dramas/{EXT}", 404),
            cell(Who.OPS_EU, "GET", "/api/v1/studio/dramas/{EXT}", 403),
            cell(Who.ANON, "GET", "/api/v1/studio/dramas/{EXT}", 401),
            cell(Who.LOTUS, "POST", "/api/v1/studio/dramas/{EXT}/withdraw", 404),
            cell(Who.LOTUS, "POST", "/api/v1/studio/dramas/{EXT}/publish", 404),
            cell(Who.OPS_NA, "POST", "/api/v1/studio/dramas/{EXT}/withdraw", 403),
            cell(Who.ANON, "POST", "/api/v1/studio/dramas/{EXT}/publish", 401),
            cell(Who.OPS_EU, "PUT", "/api/v1/studio/dramas/{EXT}", "{}", 403),
            cell(Who.CJK, "PUT", "/api/v1/studio/dramas/{EXT}", "{}", 403),
            cell(Who.ANON, "PUT", "/api/v1/studio/dramas/{EXT}", "{}", 401),
            // Studio routes (localization), routed by shape.
            cell(Who.AURORA, "PUT", "/api/v1/studio/dramas/{EXT}/episodes/1/subtitles/es-419.vtt", VTT_ES, 201),
            cell(Who.LOTUS, "PUT", "/api/v1/studio/dramas/{EXT}/episodes/1/subtitles/es-419.vtt", VTT_ES, 404),
            cell(Who.CJK, "PUT", "/api/v1/studio/dramas/{EXT}/episodes/1/subtitles/ja.vtt", VTT_JA, 403),
            cell(Who.AURORA, "GET", "/api/v1/studio/dramas/{EXT}/episodes/1/subtitles/es-419.json", 200),
            cell(Who.LOTUS, "GET", "/api/v1/studio/dramas/{EXT}/episodes/1/subtitles/es-419.json", 404),
            cell(Who.AURORA, "GET", "/api/v1/studio/dramas/{EXT}/subtitles", 200),
            cell(Who.LOTUS, "GET", "/api/v1/studio/dramas/{EXT}/subtitles", 404),
            cell(Who.OPS_NA, "GET", "/api/v1/studio/dramas/{EXT}/subtitles", 403),
            cell(Who.AURORA, "POST", "/api/v1/studio/dramas/{EXT}/subtitles/es-419", BULK_ES, 200),
            cell(Who.LOTUS, "POST", "/api/v1/studio/dramas/{EXT}/subtitles/es-419", BULK_ES, 404),
            cell(Who.CJK, "POST", "/api/v1/studio/dramas/{EXT}/subtitles/ja", BULK_JA, 403),
            cell(Who.ADMIN, "POST", "/api/v1/studio/dramas/{EXT}/subtitles/es-419", BULK_ES, 403),
            cell(Who.ANON, "POST", "/api/v1/studio/dramas/{EXT}/subtitles/es-419", BULK_ES, 401),

            // Ops: own region, other region, region group expanded, a group code is no country.
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/US/rollout", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/US/rollout", 403),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/GB/rollout", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/GB/rollout", 403),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/DE/rollout", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/EU/rollout", 404),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/JP/rollout", 403),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/JP/rollout", 403),
            cell(Who.ADMIN, "GET", "/api/v1/ops/regions/JP/rollout", 200),
            cell(Who.AURORA, "GET", "/api/v1/ops/regions/US/rollout", 403),
            cell(Who.CJK, "GET", "/api/v1/ops/regions/US/rollout", 403),
            cell(Who.ANON, "GET", "/api/v1/ops/regions/US/rollout", 401),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/dramas/{A}", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/dramas/{A}", 200),
            cell(Who.ADMIN, "GET", "/api/v1/ops/dramas/{A}", 200),
            cell(Who.AURORA, "GET", "/api/v1/ops/dramas/{A}", 403),
            cell(Who.CJK, "GET", "/api/v1/ops/dramas/{A}", 403),
            cell(Who.ANON, "GET", "/api/v1/ops/dramas/{A}", 401),
            cell(Who.OPS_EU, "POST", "/api/v1/ops/regions/US/dramas/{A}/hold", HOLD, 403),
            cell(Who.OPS_NA, "POST", "/api/v1/ops/regions/JP/dramas/{A}/hold", HOLD, 403),
            cell(Who.OPS_NA, "POST", "/api/v1/ops/regions/US/dramas/{A}/hold", HOLD, 200),
            cell(Who.OPS_EU, "POST", "/api/v1/ops/regions/US/dramas/{A}/release", 403),
            cell(Who.OPS_NA, "POST", "/api/v1/ops/regions/US/dramas/{A}/release", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/US/dramas/{A}/pricing", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/US/dramas/{A}/pricing", 403),
            cell(Who.ADMIN, "GET", "/api/v1/ops/regions/JP/dramas/{A}/pricing", 200),
            cell(Who.AURORA, "GET", "/api/v1/ops/regions/US/dramas/{A}/pricing", 403),
            cell(Who.OPS_NA, "PUT", "/api/v1/ops/regions/GB/dramas/{A}/pricing", OVERRIDE, 403),
            cell(Who.OPS_EU, "PUT", "/api/v1/ops/regions/GB/dramas/{A}/pricing", OVERRIDE, 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/GB/dramas/{A}/pricing/audit", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/GB/dramas/{A}/pricing/audit", 403),
            cell(Who.OPS_NA, "DELETE", "/api/v1/ops/regions/GB/dramas/{A}/pricing?reason=e2e", 403),
            cell(Who.OPS_EU, "DELETE", "/api/v1/ops/regions/GB/dramas/{A}/pricing?reason=e2e", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/US/offers", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/US/offers", 403),
            cell(Who.ANON, "GET", "/api/v1/ops/regions/US/offers", 401),
            cell(Who.OPS_NA, "GET", "/api/v1/ops/regions/US/repricing", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/ops/regions/US/repricing", 403),
            cell(Who.AURORA, "GET", "/api/v1/ops/regions/US/repricing", 403),
            cell(Who.ADMIN, "GET", "/api/v1/billing/repricing", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/billing/repricing", 403),
            cell(Who.ANON, "GET", "/api/v1/billing/repricing", 401),

            // Localization: own / other language; ops read planned regions; studios only their own drama.
            cell(Who.CJK, "GET", "/api/v1/localization/tasks", 200),
            cell(Who.RTL, "GET", "/api/v1/localization/tasks", 200),
            cell(Who.CJK, "GET", "/api/v1/localization/tasks?language=ja", 200),
            cell(Who.RTL, "GET", "/api/v1/localization/tasks?language=ja", 403),
            cell(Who.OPS_NA, "GET", "/api/v1/localization/tasks?region=US", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/localization/tasks?region=US", 403),
            cell(Who.ADMIN, "GET", "/api/v1/localization/tasks", 200),
            cell(Who.AURORA, "GET", "/api/v1/localization/tasks", 403),
            cell(Who.ANON, "GET", "/api/v1/localization/tasks", 401),
            cell(Who.RTL, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.vtt", VTT_JA, 403),
            cell(Who.OPS_NA, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.vtt", VTT_JA, 403),
            cell(Who.LOTUS, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.vtt", VTT_JA, 404),
            cell(Who.ANON, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.vtt", VTT_JA, 401),
            cell(Who.CJK, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.vtt", VTT_JA, 201),
            cell(Who.CJK, "GET", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.json", 200),
            cell(Who.RTL, "GET", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.json", 403),
            cell(Who.OPS_NA, "GET", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.json", 200),
            cell(Who.LOTUS, "GET", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.json", 404),
            cell(Who.AURORA, "GET", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja.json", 200),
            cell(Who.CJK, "GET", "/api/v1/localization/dramas/{A}/subtitles", 200),
            cell(Who.RTL, "GET", "/api/v1/localization/dramas/{A}/subtitles", 200),
            cell(Who.LOTUS, "GET", "/api/v1/localization/dramas/{A}/subtitles", 404),
            cell(Who.AURORA, "GET", "/api/v1/localization/dramas/{A}/plan", 200),
            cell(Who.LOTUS, "GET", "/api/v1/localization/dramas/{A}/plan", 404),
            cell(Who.OPS_NA, "GET", "/api/v1/localization/dramas/{A}/plan", 200),
            cell(Who.CJK, "GET", "/api/v1/localization/dramas/{A}/plan", 403),
            cell(Who.ANON, "GET", "/api/v1/localization/dramas/{A}/plan", 401),
            // Subtitle approval: ops and admins only (gateway); ops only where a country of theirs requires the
            // language approved (service: no country here does), four-eyes for the uploader (CJK uploaded ja).
            cell(Who.ANON, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja/approval", APPROVE, 401),
            cell(Who.AURORA, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja/approval", APPROVE, 403),
            cell(Who.CJK, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja/approval", APPROVE, 403),
            cell(Who.OPS_NA, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja/approval", APPROVE, 403),
            cell(Who.CJK, "PUT", "/api/v1/localization/dramas/{A}/subtitles/ja/approval", APPROVE, 403),
            cell(Who.OPS_EU, "PUT", "/api/v1/localization/dramas/{A}/subtitles/ja/approval", APPROVE, 403),
            cell(Who.ADMIN, "PUT", "/api/v1/localization/dramas/{A}/episodes/99/subtitles/ja/approval", APPROVE, 404),
            cell(Who.ADMIN, "PUT", "/api/v1/localization/dramas/{A}/episodes/1/subtitles/ja/approval", APPROVE, 200),
            // The audit trail (catalog): admins all, ops their regions, studios their dramas; never a localizer.
            cell(Who.ANON, "GET", "/api/v1/audit", 401),
            cell(Who.CJK, "GET", "/api/v1/audit", 403),
            cell(Who.ADMIN, "GET", "/api/v1/audit?dramaId={A}", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/audit?region=GB", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/audit?region=JP", 403),
            cell(Who.AURORA, "GET", "/api/v1/audit?dramaId={A}", 200),
            cell(Who.ADMIN, "GET", "/api/v1/audit?size=100000", 400),
            cell(Who.AURORA, "GET", "/api/v1/billing/dramas/{A}/prices", 200),
            cell(Who.LOTUS, "GET", "/api/v1/billing/dramas/{A}/prices", 404),
            cell(Who.OPS_EU, "GET", "/api/v1/billing/dramas/{A}/prices", 200),
            cell(Who.RTL, "GET", "/api/v1/billing/dramas/{A}/prices", 403),
            cell(Who.ANON, "GET", "/api/v1/billing/dramas/{A}/prices", 401),

            // Admin.
            cell(Who.ADMIN, "GET", "/api/v1/admin/studios", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/admin/studios", 403),
            cell(Who.AURORA, "GET", "/api/v1/admin/studios/aurora", 403),
            cell(Who.ANON, "GET", "/api/v1/admin/studios", 401),
            cell(Who.ADMIN, "GET", "/api/v1/localization/policy", 200),
            cell(Who.CJK, "GET", "/api/v1/localization/policy", 403),
            cell(Who.ADMIN, "GET", "/api/v1/localization/policy/regions/DE", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/tiers", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/billing/reference/tiers", 403),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/fx-rates/EUR", 200),
            // Impact previews of a reference-data change: admin only, and they store nothing.
            cell(Who.ADMIN, "POST", "/api/v1/billing/reference/fx-rates/2099-01-01/impact", IMPACT_FX, 200),
            cell(Who.OPS_EU, "POST", "/api/v1/billing/reference/fx-rates/2099-01-01/impact", IMPACT_FX, 403),
            cell(Who.ANON, "POST", "/api/v1/billing/reference/fx-rates/2099-01-01/impact", IMPACT_FX, 401),
            cell(Who.ADMIN, "POST", "/api/v1/billing/reference/tiers/standard/versions/2099-01-01/impact", IMPACT_TIER, 200),
            cell(Who.AURORA, "POST", "/api/v1/billing/reference/tiers/standard/versions/2099-01-01/impact", IMPACT_TIER, 403),
            cell(Who.OPS_NA, "POST", "/api/v1/billing/reference/ppp-factors/US/versions/2099-01-01/impact",
                    "{\"factor\":0.9}", 403),
            cell(Who.CJK, "POST", "/api/v1/billing/reference/storefronts/JP/versions/2099-01-01/impact", "{}", 403),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/fx-rates", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/ppp-factors", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/ppp-factors/DE", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/storefronts", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/storefronts/GB", 200),
            cell(Who.ADMIN, "GET", "/api/v1/billing/reference/tiers/standard", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/billing/reference/storefronts", 403),
            cell(Who.ADMIN, "GET", "/api/v1/localization/policy/changes", 200),
            cell(Who.OPS_EU, "GET", "/api/v1/localization/policy/changes", 403),
            // Admin writes: an incomplete body is refused (and changes nothing); other roles never get that far.
            cell(Who.ADMIN, "PUT", "/api/v1/billing/reference/fx-rates/EUR", "{}", 422),
            cell(Who.OPS_EU, "PUT", "/api/v1/billing/reference/fx-rates/EUR", "{}", 403),
            cell(Who.ADMIN, "PUT", "/api/v1/billing/reference/ppp-factors/DE/versions/2030-01-01", "{}", 422),
            cell(Who.OPS_EU, "PUT", "/api/v1/billing/reference/ppp-factors/DE/versions/2030-01-01", "{}", 403),
            cell(Who.ADMIN, "PUT", "/api/v1/billing/reference/storefronts/GB/versions/2030-01-01", "{}", 422),
            cell(Who.AURORA, "PUT", "/api/v1/billing/reference/storefronts/GB/versions/2030-01-01", "{}", 403),
            cell(Who.ADMIN, "PUT", "/api/v1/billing/reference/tiers/standard/versions/2030-01-01", "{}", 422),
            cell(Who.ANON, "PUT", "/api/v1/billing/reference/tiers/standard/versions/2030-01-01", "{}", 401),
            cell(Who.ADMIN, "PUT", "/api/v1/localization/policy/regions/DE", "{}", 422),
            cell(Who.CJK, "PUT", "/api/v1/localization/policy/regions/DE", "{}", 403),
            cell(Who.OPS_EU, "DELETE", "/api/v1/localization/policy/regions/DE", 403),
            cell(Who.ANON, "DELETE", "/api/v1/localization/policy/regions/DE", 401),
            // Who am I: any signed-in caller.
            cell(Who.AURORA, "GET", "/api/v1/me", 200),
            cell(Who.OPS_NA, "GET", "/api/v1/me", 200),
            cell(Who.ANON, "GET", "/api/v1/me", 401),

            // Storefront: anonymous; a token changes nothing.
            cell(Who.ANON, "GET", "/api/v1/storefront/GB/dramas", 200),
            cell(Who.ANON, "GET", "/api/v1/storefront/GB/dramas/{A}", 200),
            cell(Who.AURORA, "GET", "/api/v1/storefront/GB/dramas/{A}", 200),
            cell(Who.ANON, "GET", "/api/v1/storefront/US/dramas/{A}", 404),
            cell(Who.ANON, "GET", "/api/v1/storefront/ZZ/dramas", 404),
            cell(Who.ANON, "GET", "/api/v1/storefront/GB/offers", 200),
            cell(Who.ANON, "GET", "/api/v1/storefront/GB/dramas/{A}/episodes/1/subtitles/de.vtt", 404));

    static PackagedPlatform platform;
    static ServiceProcess billing;
    static ServiceProcess gateway;
    /** Access tokens live 5 minutes in the realm: each is fetched again when it is 4 minutes old. */
    record Token(String value, long fetchedAt) {
    }

    static final Map<Who, Token> tokens = new EnumMap<>(Who.class);
    static KeycloakTokens keycloak;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static String externalId;
    static String dramaId;
    /** Every answer of this class, set-up included, is held against the gateway's OpenAPI document. */
    static final OpenApiAnswers document = OpenApiAnswers.ofGatewayDocument();

    @BeforeAll
    static void startPlatformAndPublishADrama() throws Exception {
        platform = PackagedPlatform.named("gateway").gatewayEnv(Map.of("STOREFRONT_RATE_PER_SECOND", "5",
                "STOREFRONT_RATE_BURST", "50")).start();
        billing = platform.service("billing-service");
        gateway = platform.gateway();
        keycloak = platform.tokens();

        // Everything through the gateway: the admin registers the studios, aurora pushes and publishes.
        assertThat(call(Who.ADMIN, "PUT", "/api/v1/admin/studios/aurora", "{\"name\":\"Aurora Pictures\"}").statusCode()).isIn(200, 201);
        assertThat(call(Who.ADMIN, "PUT", "/api/v1/admin/studios/lotus", "{\"name\":\"Lotus Shorts\"}").statusCode()).isIn(200, 201);
        externalId = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = call(Who.AURORA, "PUT", "/api/v1/studio/dramas/" + externalId, drama("Midnight CEO"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> published = call(Who.AURORA, "POST", "/api/v1/studio/dramas/" + externalId + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        dramaId = json.readTree(published.body()).get("id").asText();

        // Fan-out and fan-in: GB LIVE, every region planned and priced.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode view = json.readTree(call(Who.AURORA, "GET", "/api/v1/studio/dramas/" + externalId, null).body());
            assertThat(region(view.get("rollout"), "GB").get("state").asText()).isEqualTo("LIVE");
            JsonNode plan = json.readTree(call(Who.AURORA, "GET", "/api/v1/localization/dramas/" + dramaId + "/plan", null).body());
            assertThat(regions(plan.get("regions"))).containsExactlyInAnyOrder("GB", "JP", "US");
            JsonNode prices = json.readTree(call(Who.AURORA, "GET", "/api/v1/billing/dramas/" + dramaId + "/prices", null).body());
            assertThat(regions(prices)).containsExactlyInAnyOrder("GB", "JP", "US");
        });
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void everyCellOfTheMatrixAnswersAsWrittenDown() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Cell cell : MATRIX) {
            byStatus.merge(cell.expected(), 1, Integer::sum);
            String path = cell.path().replace("{A}", dramaId).replace("{EXT}", externalId);
            HttpResponse<String> response = call(cell.who(), cell.method(), path, cell.body());
            if (response.statusCode() != cell.expected()) {
                wrong.add(cell + " but was " + response.statusCode() + ": " + abbreviate(response.body()));
            } else if (cell.expected() >= 400) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("application/problem+json")) {
                    wrong.add(cell + " answered " + type + " instead of a problem");
                }
            }
        }
        System.out.printf("Security matrix: %d cells (expected statuses %s), %d answered otherwise%n", MATRIX.size(), byStatus,
                wrong.size());
        assertThat(wrong).as("cells answering otherwise than written down (" + MATRIX.size() + " cells)").isEmpty();
    }

    @Test
    @Order(2)
    void refusalsSayWhatWasRefusedAndNothingAboutOtherStudiosOrRegions() throws Exception {
        HttpResponse<String> otherRegion = call(Who.OPS_EU, "GET", "/api/v1/ops/regions/JP/rollout", null);
        assertThat(json.readTree(otherRegion.body()).get("detail").asText()).isEqualTo("Your token does not cover region JP");
        HttpResponse<String> otherLanguage = call(Who.RTL, "PUT",
                "/api/v1/localization/dramas/" + dramaId + "/episodes/1/subtitles/ja.vtt", VTT_JA);
        assertThat(json.readTree(otherLanguage.body()).get("detail").asText()).isEqualTo("Your token's languages do not include ja");
        HttpResponse<String> otherStudio = call(Who.LOTUS, "GET", "/api/v1/studio/dramas/" + externalId, null);
        assertThat(otherStudio.statusCode()).isEqualTo(404);
        assertThat(otherStudio.body()).doesNotContain("aurora").doesNotContain(dramaId);
        JsonNode lotusList = json.readTree(call(Who.LOTUS, "GET", "/api/v1/studio/dramas", null).body());
        assertThat(lotusList.toString()).doesNotContain(dramaId);
    }

    @Test
    @Order(3)
    void aStudioCannotActForAnotherByPuttingItsIdInTheBodyOrThePath() throws Exception {
        JsonNode before = json.readTree(call(Who.AURORA, "GET", "/api/v1/studio/dramas/" + externalId, null).body());
        String impersonation = drama("Hijacked").replaceFirst("\\{", "{\"studioId\":\"aurora\",\"studio_id\":\"aurora\",");
        HttpResponse<String> lotusPut = call(Who.LOTUS, "PUT", "/api/v1/studio/dramas/" + externalId, impersonation);
        assertThat(lotusPut.statusCode()).as("lotus gets a drama of its own under that external id").isEqualTo(201);
        assertThat(json.readTree(lotusPut.body()).get("id").asText()).isNotEqualTo(dramaId);
        JsonNode after = json.readTree(call(Who.AURORA, "GET", "/api/v1/studio/dramas/" + externalId, null).body());
        assertThat(after.get("title").asText()).isEqualTo("Midnight CEO");
        assertThat(after.get("revision")).isEqualTo(before.get("revision"));
        // By catalog's id: aurora's drama does not exist for lotus, whatever the route.
        assertThat(call(Who.LOTUS, "PUT", "/api/v1/localization/dramas/" + dramaId + "/episodes/2/subtitles/ja.vtt", VTT_JA)
                .statusCode()).isEqualTo(404);
        assertThat(call(Who.LOTUS, "GET", "/api/v1/billing/dramas/" + dramaId + "/prices", null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void theOpsViewShowsEachCallerOnlyItsRegions() throws Exception {
        JsonNode na = json.readTree(call(Who.OPS_NA, "GET", "/api/v1/ops/dramas/" + dramaId, null).body());
        assertThat(regions(na.get("drama").get("rollout"))).containsExactly("US");
        assertThat(regions(na.get("localization").get("regions"))).containsExactly("US");
        assertThat(regions(na.get("pricing").get("regions"))).containsExactly("US");
        assertThat(na.get("unavailable")).isEmpty();
        JsonNode eu = json.readTree(call(Who.OPS_EU, "GET", "/api/v1/ops/dramas/" + dramaId, null).body());
        assertThat(regions(eu.get("pricing").get("regions"))).containsExactly("GB");
        JsonNode admin = json.readTree(call(Who.ADMIN, "GET", "/api/v1/ops/dramas/" + dramaId, null).body());
        assertThat(regions(admin.get("pricing").get("regions"))).containsExactlyInAnyOrder("GB", "JP", "US");
        assertThat(regions(admin.get("localization").get("regions"))).containsExactlyInAnyOrder("GB", "JP", "US");
    }

    @Test
    @Order(5)
    void withBillingDownItsRoutesAre502TheOthersWorkAndTheGatewayStaysReady() throws Exception {
        billing.close();
        HttpResponse<String> offers = call(Who.ANON, "GET", "/api/v1/storefront/GB/offers", null);
        assertThat(offers.statusCode()).isEqualTo(502);
        assertThat(offers.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(offers.body()).get("detail").asText()).isEqualTo("billing-service is unreachable");
        JsonNode view = json.readTree(call(Who.OPS_NA, "GET", "/api/v1/ops/dramas/" + dramaId, null).body());
        assertThat(view.get("pricing").get("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(texts(view.get("unavailable"))).containsExactly("pricing");
        assertThat(view.get("localization").get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(call(Who.ANON, "GET", "/api/v1/storefront/GB/dramas", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\": \"UP\"");
    }

    @Test
    @Order(6)
    void anAppThatReadsTooFastGets429WithRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 300; i++) {
            last = call(Who.ANON, "GET", "/api/v1/storefront/GB/dramas", null);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(7)
    void everyAnswerAgreesWithTheOpenApiDocument() {
        List<String> disagreements = document.disagreements();
        Set<String> unanswered = new TreeSet<>(document.operations());
        unanswered.removeAll(document.answeredOperations());
        System.out.printf("OpenAPI answers: %d of %d operations answered, %d disagreements; not called here: %s%n",
                document.answeredOperations().size(), document.operationCount(), disagreements.size(), unanswered);
        assertThat(disagreements).as("answers that the OpenAPI document does not describe").isEmpty();
    }

    /**
     * Every metric that deploy's alert rules and dashboards may use (deploy's service-metrics.txt, read from the code)
     * is really on a /q/metrics after this class's traffic: routes, refusals, 429s, a service down (upstream failures,
     * the breaker), events relayed and consumed. Billing is down by now; catalog and localization carry the same
     * outbox and Kafka meters.
     */
    @Test
    @Order(8)
    void everyMetricTheAlertsAndDashboardsMayUseIsExposed() throws Exception {
        Set<String> listed = new TreeSet<>();
        Files.readAllLines(Path.of("..", "deploy", "src", "test", "resources", "service-metrics.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).forEach(listed::add);
        assertThat(listed).hasSizeGreaterThan(10);
        // Kafka client meters appear on the binder's refresh (Micrometer's KafkaMetrics: every 60 s), after the
        // client's first send to a topic: wait for them as for any asynchronous effect.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Set<String> missing = new TreeSet<>(listed);
            missing.removeAll(exposedMetricNames());
            assertThat(missing).as("metrics deploy/ may use that no service exposes").isEmpty();
        });
        System.out.printf("Metrics: all %d names listed for alerts and dashboards are exposed%n", listed.size());
    }

    private static Set<String> exposedMetricNames() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (ServiceProcess service : List.of(gateway, platform.service("catalog-service"), platform.service("localization-service"))) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            metrics.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
        return exposed;
    }

    private static String drama(String title) {
        return """
                {"title":"%s","originalLanguage":"en","genres":["romance"],"pricingTier":"standard",
                 "episodes":[%s,%s],
                 "licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"},{"region":"US","validFrom":"2025-01-01T00:00:00Z"},
                             {"region":"JP","validFrom":"2025-01-01T00:00:00Z"}]}""".formatted(title, episode(1), episode(2));
    }

    private static String episode(int number) {
        return """
                {"number":%d,"title":"Episode %d","durationSeconds":90,"videoUri":"https://cdn.example.com/matrix/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(number, number, number, number);
    }

    private static HttpResponse<String> call(Who who, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("WEBVTT") ? "text/vtt; charset=utf-8" : "application/json");
        }
        if (who != Who.ANON) {
            request.header("Authorization", "Bearer " + token(who));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        document.check(method, path, response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        return response;
    }

    private static String token(Who who) {
        Token token = tokens.get(who);
        if (token == null || System.nanoTime() - token.fetchedAt() > Duration.ofMinutes(4).toNanos()) {
            String value = switch (who) {
                case AURORA -> keycloak.clientCredentials("studio-aurora", "aurora-dev-secret");
                case LOTUS -> keycloak.clientCredentials("studio-lotus", "lotus-dev-secret");
                case OPS_NA -> keycloak.password("ops-na", "demo");
                case OPS_EU -> keycloak.password("ops-eu", "demo");
                case CJK -> keycloak.password("localizer-cjk", "demo");
                case RTL -> keycloak.password("localizer-rtl", "demo");
                case ADMIN -> keycloak.password("admin", "demo");
                case ANON -> throw new IllegalArgumentException("anonymous has no token");
            };
            token = new Token(value, System.nanoTime());
            tokens.put(who, token);
        }
        return token.value();
    }

    private static JsonNode region(JsonNode array, String region) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.get("region").asText().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no " + region + " in " + array));
    }

    private static List<String> regions(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("region").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
