package io.microdrama.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.devstack.ServiceProcess;
import io.microdrama.devstack.PackagedPlatform;
import io.microdrama.testing.DatabaseProbe;
import org.assertj.core.api.SoftAssertions;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seeded, bounded fuzz of the public API through the gateway against the real platform (devstack plus the packaged
 * services, one start for the class): requests that are <em>invalid by construction</em> under the platform's
 * documented input rules (web-support's README: NUL and lone surrogates, duplicate keys, no scalar coercion, instants
 * and dates of years 0001..9999 only, JSON nesting, the JSON Content-Type, path tricks, malformed query encoding;
 * localization's README: unreadable subtitle files; the OpenAPI document: required fields, parameter types, ranges,
 * patterns and enums), sent to every operation of {@code gateway/src/main/resources/META-INF/openapi.yaml} with a
 * token that may call it, so that a refusal is about the input. Every answer must be a 4xx (never a 2xx, never a
 * 5xx), every 4xx {@code application/problem+json} whose {@code status} is the HTTP status, and no row of any table
 * of the catalog, localization and billing databases may differ after the fuzz ({@link DatabaseFingerprint}, read
 * when the platform is quiet: no pending outbox row, billing's re-pricing sweep done, two readings alike).
 * <p>
 * The operations come from the document: one it lists and {@link #CALLS} does not know fails the test (tell the fuzz
 * how to call the new route). {@code -Dfuzz.seed} (default fixed) and {@code -Dfuzz.requests} (default 3000) make a
 * failure reproducible; each failure names the request number, the mutation, the request and the answer.
 * <p>
 * That the check can fail: {@link DatabaseFingerprintTest} (fast) proves the comparison names a changed table, and
 * the last test here sends one valid request and sees the fingerprint change.
 * <p>
 * Not covered here: a bulk subtitle upload whose files are unreadable is a 200 naming each file {@code REFUSED} (by
 * design, per file), so only request-level invalid bulk bodies are sent; a subtitle file that is readable but fails QC
 * is stored as {@code QC_FAILED} (by design), so only unreadable files are sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFuzzE2E {

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    static final List<String> DATABASES = List.of("catalog", "localization", "billing");

    enum Who { AURORA, OPS_EU, CJK, ADMIN, ANON }

    /** How to call one operation validly: who, path parameters other than the defaults, a valid body, required fields. */
    record Call(Who who, Map<String, String> path, String body, List<String> required) {
    }

    static Call call(Who who, Map<String, String> path, String body, String... required) {
        return new Call(who, path, body, List.of(required));
    }

    static Call read(Who who, Map<String, String> path) {
        return new Call(who, path, null, List.of());
    }

    static Call read(Who who) {
        return read(who, Map.of());
    }

    static final String VTT_ES = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHola\n";
    static final String VTT_JA = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nこんにちは\n";
    static final String BULK_ES = "{\"files\":[{\"episode\":1,\"format\":\"WEBVTT\",\"content\":\"WEBVTT\\n\\n"
            + "00:00:01.000 --> 00:00:03.000\\nHola a todos\\n\"}]}";
    static final String APPROVE = "{\"decision\":\"APPROVED\",\"comment\":\"e2e fuzz approval\"}";
    static final String DATE = "2099-01-01";
    static final String STOREFRONT = "{\"name\":\"United Kingdom\",\"currency\":\"GBP\",\"minorUnits\":2,\"cashIncrement\":0.01,"
            + "\"priceLadder\":\"DECIMAL_99\",\"taxInclusiveDisplay\":true,\"taxRate\":0.2,\"taxRateChecked\":true,"
            + "\"notes\":\"e2e fuzz\",\"source\":\"e2e fuzz\"}";
    static final String FX = "{\"rates\":{\"EUR\":0.95,\"GBP\":0.8},\"source\":\"e2e fuzz\"}";
    static final String PPP = "{\"factor\":0.9,\"note\":\"e2e fuzz\"}";
    static final String TIER = "{\"freeEpisodes\":5,\"coinsPerEpisode\":12,\"seriesDiscountPercent\":20,\"notes\":\"e2e fuzz\"}";

    /**
     * Every operation of the document, by operationId: its caller (allowed to call it), path values beyond
     * {@link #defaults()}, a valid body and the body's required fields. {X} is the drama's external id, {A} its id.
     */
    static final Map<String, Call> CALLS = Map.ofEntries(
            Map.entry("me", read(Who.AURORA)),
            Map.entry("listStudioDramas", read(Who.AURORA)),
            Map.entry("upsertStudioDrama", call(Who.AURORA, Map.of(), drama("Midnight CEO"),
                    "title", "originalLanguage", "pricingTier", "episodes", "licences")),
            Map.entry("getStudioDrama", read(Who.AURORA)),
            Map.entry("publishStudioDrama", read(Who.AURORA)),
            Map.entry("withdrawStudioDrama", read(Who.AURORA)),
            Map.entry("uploadStudioSubtitle", call(Who.AURORA, Map.of("language", "es-419.vtt"), VTT_ES)),
            Map.entry("readStudioSubtitle", read(Who.AURORA, Map.of("language", "es-419.json"))),
            Map.entry("bulkUploadStudioSubtitles", call(Who.AURORA, Map.of("language", "es-419"), BULK_ES, "files")),
            Map.entry("listStudioSubtitles", read(Who.AURORA)),
            Map.entry("regionRollout", read(Who.OPS_EU)),
            Map.entry("opsDrama", read(Who.OPS_EU)),
            Map.entry("holdDrama", call(Who.OPS_EU, Map.of(), "{\"reason\":\"e2e fuzz hold\"}", "reason")),
            Map.entry("releaseDrama", read(Who.OPS_EU)),
            Map.entry("getPricing", read(Who.OPS_EU)),
            Map.entry("overridePricing", call(Who.OPS_EU, Map.of(),
                    "{\"coinsPerEpisode\":50,\"freeEpisodes\":3,\"seriesCoins\":400,\"reason\":\"e2e fuzz override\"}",
                    "coinsPerEpisode", "freeEpisodes", "reason")),
            Map.entry("removePricingOverride", read(Who.OPS_EU)),
            Map.entry("pricingAudit", read(Who.OPS_EU)),
            Map.entry("repricingPreview", read(Who.OPS_EU)),
            Map.entry("opsOffers", read(Who.OPS_EU)),
            Map.entry("localizationTasks", read(Who.ADMIN)),
            Map.entry("uploadSubtitle", call(Who.CJK, Map.of("language", "ja.vtt"), VTT_JA)),
            Map.entry("readSubtitle", read(Who.CJK, Map.of("language", "ja.json"))),
            Map.entry("listSubtitles", read(Who.CJK)),
            Map.entry("decideSubtitleApproval", call(Who.ADMIN, Map.of("language", "ja"), APPROVE, "decision")),
            Map.entry("decideSubtitleApprovalForAllEpisodes", call(Who.ADMIN, Map.of("language", "ja"), APPROVE, "decision")),
            Map.entry("localizationPlan", read(Who.ADMIN)),
            Map.entry("dramaPrices", read(Who.AURORA)),
            Map.entry("auditTrail", read(Who.ADMIN)),
            Map.entry("listStudios", read(Who.ADMIN)),
            Map.entry("getStudio", read(Who.ADMIN)),
            Map.entry("registerStudio", call(Who.ADMIN, Map.of(), "{\"name\":\"Aurora Pictures\",\"active\":true}", "name")),
            Map.entry("languagePolicy", read(Who.ADMIN)),
            Map.entry("languagePolicyChanges", read(Who.ADMIN)),
            Map.entry("regionLanguagePolicy", read(Who.ADMIN, Map.of("region", "DE"))),
            Map.entry("setRegionLanguagePolicy", call(Who.ADMIN, Map.of("region", "DE"),
                    "{\"languages\":[\"de\",\"en\"],\"approvalRequired\":false,\"approvalByLanguage\":{\"en\":false}}",
                    "languages")),
            Map.entry("removeRegionLanguagePolicy", read(Who.ADMIN, Map.of("region", "DE"))),
            Map.entry("repricingStatus", read(Who.ADMIN)),
            Map.entry("storefronts", read(Who.ADMIN)),
            Map.entry("storefrontHistory", read(Who.ADMIN)),
            Map.entry("addStorefrontVersion", call(Who.ADMIN, Map.of(), STOREFRONT, "name", "currency", "minorUnits",
                    "priceLadder", "taxInclusiveDisplay", "taxRate", "source")),
            Map.entry("storefrontVersionImpact", call(Who.ADMIN, Map.of(), STOREFRONT, "name", "currency", "minorUnits",
                    "priceLadder", "taxInclusiveDisplay", "taxRate", "source")),
            Map.entry("fxRates", read(Who.ADMIN)),
            Map.entry("fxRateHistory", read(Who.ADMIN, Map.of("currencyOrDate", "EUR"))),
            Map.entry("addFxRates", call(Who.ADMIN, Map.of("currencyOrDate", DATE), FX, "rates", "source")),
            Map.entry("fxRatesImpact", call(Who.ADMIN, Map.of(), FX, "rates", "source")),
            Map.entry("purchasingPowerFactors", read(Who.ADMIN)),
            Map.entry("purchasingPowerFactorHistory", read(Who.ADMIN, Map.of("region", "DE"))),
            Map.entry("addPurchasingPowerFactor", call(Who.ADMIN, Map.of("region", "DE"), PPP, "factor")),
            Map.entry("purchasingPowerFactorImpact", call(Who.ADMIN, Map.of("region", "DE"), PPP, "factor")),
            Map.entry("pricingTiers", read(Who.ADMIN)),
            Map.entry("pricingTierHistory", read(Who.ADMIN)),
            Map.entry("addPricingTierVersion", call(Who.ADMIN, Map.of(), TIER, "freeEpisodes", "coinsPerEpisode")),
            Map.entry("pricingTierVersionImpact", call(Who.ADMIN, Map.of(), TIER, "freeEpisodes", "coinsPerEpisode")),
            Map.entry("storefrontDramas", read(Who.ANON)),
            Map.entry("storefrontDrama", read(Who.ANON)),
            Map.entry("storefrontSubtitle", read(Who.ANON, Map.of("language", "en"))),
            Map.entry("storefrontOffers", read(Who.ANON)));

    /** Path values by parameter name, unless the operation's {@link Call} says otherwise. */
    static Map<String, String> defaults() {
        return Map.of("externalId", externalId, "dramaId", dramaId, "number", "1", "region", "GB", "language", "ja",
                "studioId", "aurora", "tier", "standard", "effectiveFrom", DATE, "asOf", DATE, "currencyOrDate", "EUR");
    }

    /** One operation of the document, with what the fuzz needs of it. */
    record Operation(String id, String method, String template, List<JsonNode> pathParameters,
            List<JsonNode> queryParameters, List<String> bodyTypes, Call call) {
        boolean json() {
            return bodyTypes.contains("application/json");
        }

        boolean file() {
            return bodyTypes.contains("text/vtt");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** One request to send: what was broken, and how. */
    record Attempt(String mutation, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    }

    static PackagedPlatform platform;
    static ServiceProcess gateway;
    static KeycloakTokens keycloak;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper json = new ObjectMapper();
    static final Map<Who, String[]> tokens = new EnumMap<>(Who.class);
    static String externalId;
    static String dramaId;
    static List<Operation> operations;
    static Map<String, String> before;

    @BeforeAll
    static void startThePlatformWithADramaAndItsTracks() throws Exception {
        operations = operationsOfTheDocument();
        // Rate limits are not what is fuzzed here: a 429 would hide what the request's input gets.
        platform = PackagedPlatform.named("fuzz").gatewayEnv(Map.of("STOREFRONT_RATE_PER_SECOND", "100000",
                "STOREFRONT_RATE_BURST", "100000", "STUDIO_PUSH_RATE_PER_SECOND", "100000",
                "STUDIO_PUSH_RATE_BURST", "100000")).start();
        gateway = platform.gateway();
        keycloak = platform.tokens();

        // Real rows to aim at, all through the public API: a studio, its published drama (GB, US, JP), tracks.
        expect(send(Who.ADMIN, "PUT", "/api/v1/admin/studios/aurora", "{\"name\":\"Aurora Pictures\"}"), 200, 201);
        externalId = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        expect(send(Who.AURORA, "PUT", "/api/v1/studio/dramas/" + externalId, drama("Midnight CEO")), 201);
        HttpResponse<String> published = expect(send(Who.AURORA, "POST", "/api/v1/studio/dramas/" + externalId + "/publish",
                null), 200);
        dramaId = json.readTree(published.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            JsonNode plan = json.readTree(send(Who.ADMIN, "GET", "/api/v1/localization/dramas/" + dramaId + "/plan", null).body());
            assertThat(regions(plan.get("regions"))).containsExactlyInAnyOrder("GB", "JP", "US");
            JsonNode prices = json.readTree(send(Who.AURORA, "GET", "/api/v1/billing/dramas/" + dramaId + "/prices", null).body());
            assertThat(regions(prices)).containsExactlyInAnyOrder("GB", "JP", "US");
        });
        expect(send(Who.AURORA, "PUT", "/api/v1/studio/dramas/" + externalId + "/episodes/1/subtitles/es-419.vtt", VTT_ES), 201);
        expect(send(Who.CJK, "PUT", "/api/v1/localization/dramas/" + dramaId + "/episodes/1/subtitles/ja.vtt", VTT_JA), 201);
        expect(send(Who.OPS_EU, "PUT", "/api/v1/ops/regions/GB/dramas/" + dramaId + "/pricing",
                "{\"coinsPerEpisode\":40,\"freeEpisodes\":2,\"reason\":\"e2e fuzz set-up\"}"), 200);
        before = quietFingerprint();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void everyOperationOfTheDocumentIsFuzzed() {
        List<String> unknown = operations.stream().filter(operation -> operation.call() == null).map(Operation::toString)
                .toList();
        assertThat(unknown).as("operations of openapi.yaml the fuzz does not know how to call (add them to CALLS)").isEmpty();
        assertThat(operations).hasSizeGreaterThan(50);
    }

    @Test
    @Order(2)
    void invalidRequestsAreRefusedAsProblemsAndChangeNoRow() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> perRoute = new TreeMap<>();
        Map<String, Integer> perMutation = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Operation> known = operations.stream().filter(operation -> operation.call() != null).toList();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = known.get(random.nextInt(known.size()));
            Attempt attempt = mutate(operation, random);
            HttpResponse<String> response = send(operation.call().who(), attempt);
            perRoute.merge(operation.toString(), 1, Integer::sum);
            perMutation.merge(kind(attempt.mutation()), 1, Integer::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(response);
            if (problem != null && failures.size() < 40) {
                failures.add("#" + i + " [" + attempt.mutation() + "] " + attempt.method() + " "
                        + abbreviate(attempt.pathAndQuery(), 200) + " " + attempt.headers()
                        + (attempt.body() == null ? "" : " body " + abbreviate(printable(attempt.body()), 200)) + " -> " + problem);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("Gateway fuzz (seed %d): %d requests in %d ms over %d operations; statuses %s%n", SEED, REQUESTS,
                millis, perRoute.size(), statuses);
        System.out.printf("Gateway fuzz: requests per mutation %s%n", perMutation);
        perRoute.forEach((route, count) -> System.out.printf("  %5d  %s%n", count, route));
        List<String> changed = DatabaseFingerprint.differences(before, quietFingerprint());
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(failures).as("seed " + SEED + ": answers other than a 4xx problem").isEmpty();
            softly.assertThat(statuses).as("a token allowed to call each route: no 401").doesNotContainKey(401);
            softly.assertThat(changed).as("seed " + SEED + ": rows changed by the fuzz's requests").isEmpty();
        });
    }

    /** The fingerprint sees a change: one valid request (a hold in GB) changes catalog's rows. */
    @Test
    @Order(3)
    void aValidRequestChangesTheFingerprint() throws Exception {
        Map<String, String> now = quietFingerprint();
        expect(send(Who.OPS_EU, "POST", "/api/v1/ops/regions/GB/dramas/" + dramaId + "/hold",
                "{\"reason\":\"e2e fuzz: the fingerprint must see this\"}"), 200);
        List<String> changed = DatabaseFingerprint.differences(now, quietFingerprint());
        System.out.printf("Gateway fuzz: one valid hold changed %s%n", changed);
        assertThat(changed).as("what one valid request changed").anyMatch(line -> line.startsWith("catalog."));
    }

    /** The mutation without its particulars, for the summary: {@code json mistyped}, {@code path-value}. */
    static String kind(String mutation) {
        String[] words = mutation.split(" ");
        boolean twoWords = words.length > 1 && (words[0].equals("json") || words[0].equals("subtitle"));
        return (twoWords ? words[0] + " " + words[1] : words[0]).replaceAll("#.*", "");
    }

    // --- Mutations: each makes a request invalid under a documented rule. -------------------------------------------

    static Attempt mutate(Operation operation, Random random) {
        List<Function<Random, Attempt>> choices = new ArrayList<>();
        choices.add(r -> pathTrick(operation, r));
        choices.add(r -> queryTrick(operation, r));
        if (!operation.pathParameters().isEmpty()) {
            choices.add(r -> badPathValue(operation, r));
        }
        if (!operation.queryParameters().isEmpty()) {
            choices.add(r -> badQueryValue(operation, r));
        }
        if (operation.json()) {
            for (int i = 0; i < 4; i++) {
                choices.add(r -> badJson(operation, r));
            }
            choices.add(r -> badJsonContentType(operation, r));
            if (operation.template().contains("{effectiveFrom}") || operation.template().contains("{asOf}")
                    || operation.id().equals("addFxRates")) {
                choices.add(r -> dateOutOfRange(operation, r));
            }
            if (operation.id().equals("bulkUploadStudioSubtitles")) {
                choices.add(r -> badBulk(operation, r));
            }
        }
        if (operation.file()) {
            for (int i = 0; i < 3; i++) {
                choices.add(r -> badSubtitleFile(operation, r));
            }
        }
        return choices.get(random.nextInt(choices.size())).apply(random);
    }

    static final String[] SEGMENT_TRICKS = { "%00", "a%00b", "..", "%2e%2e", ".", "x;y=1", "%2F", "a%5Cb", "%C3%28",
            "%ED%A0%80", "%FF", "a%2fb" };

    /** A path trick RequestGuard refuses before routing, in a literal part of the path. */
    static Attempt pathTrick(Operation operation, Random random) {
        String path = validPath(operation);
        List<Integer> slashes = new ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        int at = slashes.get(random.nextInt(slashes.size()));
        String trick = switch (random.nextInt(5)) {
            case 0 -> "/..";
            case 1 -> "/.";
            case 2 -> "/%2e%2E";
            case 3 -> ";v=1";
            default -> "%2F";
        };
        return attempt(operation, "path-trick " + trick, path.substring(0, at) + trick + path.substring(at), validQuery(operation),
                random);
    }

    /** A query RequestGuard or InputFilters refuses: NUL, a lone surrogate, bytes that are not UTF-8, in a name or value. */
    static Attempt queryTrick(Operation operation, Random random) {
        String[] tricks = { "x=%00", "%00=1", "x=%ED%A0%80", "x=%C3%28", "x=%FF", "x%ED%B0%80=1", "x=a%00b&y=2",
                "x=" + "y".repeat(3000) + "%00" };
        String trick = tricks[random.nextInt(tricks.length)];
        String query = validQuery(operation);
        return attempt(operation, "query-trick " + abbreviate(trick, 20), validPath(operation),
                query.isEmpty() ? trick : query + "&" + trick, random);
    }

    /** One path parameter replaced by a value its rules refuse (a trick, or what its schema forbids). */
    static Attempt badPathValue(Operation operation, Random random) {
        JsonNode parameter = operation.pathParameters().get(random.nextInt(operation.pathParameters().size()));
        String name = parameter.get("name").asText();
        JsonNode schema = parameter.path("schema");
        List<String> values = new ArrayList<>(List.of(SEGMENT_TRICKS));
        if (schema.path("type").asText().equals("integer")) {
            values.addAll(List.of("0", "-1", "abc", "1.5", "99999999999999999999"));
        }
        if (schema.path("format").asText().equals("uuid")) {
            values.addAll(List.of("not-a-uuid", "0000", UUID.randomUUID().toString() + "0"));
        }
        if (schema.path("format").asText().equals("date")) {
            values.addAll(List.of("10000-01-01", "+10000-01-01", "0000-12-31", "2099-02-30", "2099-1-1", "tomorrow"));
        }
        if (schema.has("pattern") && name.equals("externalId")) {
            values.addAll(List.of("x".repeat(129), "a%20b", "%C3%BCber", "a@b", "a%2Bb"));
        }
        if (schema.has("pattern") && name.equals("region")) {
            values.addAll(List.of("G", "GBR", "1B"));
        }
        String value = values.get(random.nextInt(values.size()));
        Map<String, String> path = new LinkedHashMap<>(pathValues(operation));
        path.put(name, value);
        return attempt(operation, "path-value " + name + "=" + abbreviate(value, 20), fill(operation.template(), path),
                validQuery(operation), random);
    }

    /** One documented query parameter with a value its schema refuses. */
    static Attempt badQueryValue(Operation operation, Random random) {
        JsonNode parameter = operation.queryParameters().get(random.nextInt(operation.queryParameters().size()));
        String name = parameter.get("name").asText();
        JsonNode schema = resolve(parameter.path("schema"));
        List<String> values = new ArrayList<>(List.of("%00", "a%00", "%ED%A0%80", "%C3%28", "z".repeat(3000) + "%00"));
        if (schema.path("type").asText().equals("integer")) {
            values.addAll(List.of("abc", "1.5", "99999999999999999999", "1e3", "0x10"));
            if (schema.has("minimum")) {
                values.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
        }
        if (schema.path("type").asText().equals("boolean")) {
            values.addAll(List.of("yes", "1", "maybe"));
        }
        if (schema.has("enum")) {
            // Not "live" or " LIVE ": catalog's read filters are case- and space-tolerant on purpose.
            values.addAll(List.of("BOGUS", "LIVE,WAITING", "LIVE%00"));
        }
        if (schema.path("format").asText().equals("date")) {
            values.addAll(List.of("10000-01-01", "0000-12-31", "2099-02-30", "tomorrow"));
        }
        if (schema.path("format").asText().equals("uuid")) {
            values.addAll(List.of("not-a-uuid", "1234"));
        }
        if (schema.has("maxLength")) {
            values.add("m".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (schema.has("pattern") && name.equals("region")) {
            values.addAll(List.of("G", "GBR", "1B"));
        }
        String value = values.get(random.nextInt(values.size()));
        return attempt(operation, "query-value " + name + "=" + abbreviate(value, 20), validPath(operation),
                name + "=" + value, random);
    }

    /** A JSON body broken in one way: malformed, mistyped, a refused string, a duplicate key, a required field gone. */
    static Attempt badJson(Operation operation, Random random) {
        String valid = operation.call().body();
        String label;
        String body;
        switch (random.nextInt(9)) {
            case 0 -> {
                String[] malformed = { "[[[]]]", "", "{", "}", "null", "123", "\"text\"", "[]", "{\"a\":}", "{'a':1}",
                        "[" + valid + "]", "{" + "\"x\":[".repeat(1) + "[".repeat(2000) + "]".repeat(2000) + "]}",
                        "[".repeat(1200) + "]".repeat(1200) };
                int which = random.nextInt(malformed.length);
                label = "malformed#" + which;
                body = malformed[which];
            }
            case 1 -> {
                label = "truncated";
                body = valid.substring(0, 1 + random.nextInt(valid.length() - 1));
            }
            case 2 -> {
                ObjectNode tree = tree(valid);
                AtomicReference<String> where = new AtomicReference<>();
                retype(tree, random, where, "");
                label = "mistyped " + where.get();
                body = tree.toString();
            }
            case 3, 4 -> {
                String bad = random.nextBoolean() ? "\\u0000" : random.nextBoolean() ? "\\ud800" : "\\udc00x";
                ObjectNode tree = tree(valid);
                AtomicReference<String> where = new AtomicReference<>();
                String marker = "@@REFUSED@@";
                markString(tree, random, where, "", marker);
                label = "refused-text " + bad + " in " + where.get();
                body = tree.toString().replace(marker, bad);
            }
            case 5 -> {
                ObjectNode tree = tree(valid);
                String first = tree.fieldNames().next();
                label = "duplicate-key " + first;
                body = "{\"" + first + "\":" + tree.get(first) + "," + valid.substring(1);
            }
            case 6 -> {
                ObjectNode tree = tree(valid);
                String field = operation.call().required().get(random.nextInt(operation.call().required().size()));
                tree.remove(field);
                if (random.nextBoolean()) {
                    label = "required-missing " + field;
                } else {
                    tree.putNull(field);
                    label = "required-null " + field;
                }
                body = tree.toString();
            }
            case 7 -> {
                ObjectNode tree = tree(valid);
                String field = operation.call().required().get(random.nextInt(operation.call().required().size()));
                JsonNode value = tree.get(field);
                JsonNode wrong = value.isTextual() ? JsonNodeFactory.instance.numberNode(12345)
                        : value.isNumber() ? TextNode.valueOf("") : value.isBoolean() ? TextNode.valueOf("")
                        : value.isArray() ? TextNode.valueOf("x") : JsonNodeFactory.instance.arrayNode();
                tree.set(field, wrong);
                label = "required-mistyped " + field + "=" + wrong;
                body = tree.toString();
            }
            default -> {
                if (!valid.contains("T00:00:00Z")) {
                    return badJson(operation, random);
                }
                String[] instants = { "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
                        "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z" };
                String instant = instants[random.nextInt(instants.length)];
                label = "instant-out-of-range " + instant;
                body = valid.replaceFirst("\\d{4}-01-01T00:00:00Z", Matcher.quoteReplacement(instant));
            }
        }
        return new Attempt("json " + label, operation.method(), validPath(operation) + query(validQuery(operation)),
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid JSON body under a Content-Type the JSON rule refuses. */
    static Attempt badJsonContentType(Operation operation, Random random) {
        String valid = operation.call().body();
        String[] types = { null, "text/plain", "application/json; charset=utf-16", "application/json; charset=ebcdic",
                "application/xml", "*/*", "application/*", "application/json-patch+json", "text/json",
                "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded" };
        String type = types[random.nextInt(types.length)];
        byte[] body = type != null && type.endsWith("utf-16") ? valid.getBytes(StandardCharsets.UTF_16)
                : valid.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = type == null ? Map.of() : Map.of("Content-Type", type);
        return new Attempt("content-type " + type, operation.method(), validPath(operation) + query(validQuery(operation)),
                headers, body);
    }

    /** A reference-data version dated outside years 0001..9999 or not a date at all. */
    static Attempt dateOutOfRange(Operation operation, Random random) {
        String name = operation.template().contains("{effectiveFrom}") ? "effectiveFrom"
                : operation.template().contains("{asOf}") ? "asOf" : "currencyOrDate";
        String[] dates = { "10000-01-01", "+10000-01-01", "0000-12-31", "-0001-01-01", "2099-02-30", "99999-12-31" };
        String date = dates[random.nextInt(dates.length)];
        Map<String, String> path = new LinkedHashMap<>(pathValues(operation));
        path.put(name, date);
        return new Attempt("date-out-of-range " + name + "=" + date, operation.method(), fill(operation.template(), path),
                Map.of("Content-Type", "application/json"), operation.call().body().getBytes(StandardCharsets.UTF_8));
    }

    /** A bulk request refused as a whole (localization's README): no files, an episode twice or below 1, no content. */
    static Attempt badBulk(Operation operation, Random random) {
        String file = "{\"episode\":1,\"format\":\"WEBVTT\",\"content\":\"WEBVTT\\n\\n00:00:01.000 --> 00:00:03.000\\nHola\\n\"}";
        String[] bodies = { "{\"files\":[]}", "{\"files\":[" + file + "," + file + "]}", "{\"files\":[" + file.replace(
                "\"episode\":1", "\"episode\":0") + "]}", "{\"files\":[{\"episode\":1,\"format\":\"WEBVTT\"}]}",
                "{\"files\":[" + file.replace("WEBVTT\",", "ASS\",") + "]}", "{\"files\":[" + file.replace(
                "\"episode\":1", "\"episode\":-3") + "]}", "{\"files\":null}", "{}" };
        int which = random.nextInt(bodies.length);
        return new Attempt("bulk#" + which, operation.method(), validPath(operation), Map.of("Content-Type", "application/json"),
                bodies[which].getBytes(StandardCharsets.UTF_8));
    }

    /** A subtitle file localization cannot read (415/400, nothing stored), or a Content-Type it does not take. */
    static Attempt badSubtitleFile(Operation operation, Random random) {
        String valid = operation.call().body();
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[64 + random.nextInt(512)];
        random.nextBytes(binary);
        binary[random.nextInt(binary.length)] = 0;
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        String label;
        byte[] body;
        String type = "text/vtt";
        String path = validPath(operation);
        switch (random.nextInt(11)) {
            case 0 -> { label = "binary"; body = binary; }
            case 1 -> { label = "two-boms"; body = concat(bom, bom, utf8); }
            case 2 -> { label = "nul"; body = valid.replace("\n\n", "\n\u0000\n").getBytes(StandardCharsets.UTF_8); }
            case 3 -> { label = "nul-in-cue"; body = valid.replaceFirst("\n$", "\u0000\n").getBytes(StandardCharsets.UTF_8); }
            case 4 -> { label = "invalid-utf8"; body = concat(utf8, new byte[] { (byte) 0xC3, 0x28, '\n' }); }
            case 5 -> { label = "utf16"; body = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, valid.getBytes(StandardCharsets.UTF_16LE)); }
            case 6 -> { label = "empty"; body = new byte[0]; }
            case 7 -> { label = "neither-format"; body = "Hello, this is no subtitle file.\n".getBytes(StandardCharsets.UTF_8); }
            case 8 -> {
                label = "format-mismatch .srt";
                body = utf8;
                path = path.replace(".vtt", ".srt");
                type = "application/x-subrip";
            }
            case 9 -> {
                String[] types = { "application/json", "image/png", "text/html", "text/vtt; charset=utf-16",
                        "text/vtt; charset=ebcdic", "multipart/form-data; boundary=x" };
                type = types[random.nextInt(types.length)];
                path = path.replace(".vtt", "");
                label = "content-type " + type;
                body = utf8;
            }
            default -> { label = "surrogate-bytes"; body = concat(utf8, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n' }); }
        }
        return new Attempt("subtitle " + label, operation.method(), path, Map.of("Content-Type", type), body);
    }

    // --- Helpers of the mutations. -----------------------------------------------------------------------------------

    static Attempt attempt(Operation operation, String label, String path, String query, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (operation.call().body() != null) {
            body = operation.call().body().getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", operation.json() ? "application/json" : "text/vtt");
        }
        return new Attempt(label, operation.method(), path + query(query), headers, body);
    }

    static String query(String query) {
        return query.isEmpty() ? "" : "?" + query;
    }

    static String validQuery(Operation operation) {
        return operation.id().equals("removePricingOverride") || operation.id().equals("releaseDrama") ? "reason=e2e-fuzz" : "";
    }

    static Map<String, String> pathValues(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>(defaults());
        values.putAll(operation.call().path());
        return values;
    }

    static String validPath(Operation operation) {
        return fill(operation.template(), pathValues(operation));
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} of " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static ObjectNode tree(String body) {
        try {
            return (ObjectNode) json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces one value somewhere in the tree by one of another JSON type (never coerced under StrictJson). */
    static void retype(JsonNode node, Random random, AtomicReference<String> where, String path) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        } else {
            for (int i = 0; i < node.size(); i++) {
                keys.add(String.valueOf(i));
            }
        }
        String key = keys.get(random.nextInt(keys.size()));
        JsonNode child = node.isObject() ? node.get(key) : node.get(Integer.parseInt(key));
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (child.isContainerNode() && child.size() > 0 && random.nextBoolean()) {
            retype(child, random, where, childPath);
            return;
        }
        JsonNode wrong;
        if (child.isTextual()) {
            wrong = random.nextBoolean() ? JsonNodeFactory.instance.numberNode(12345) : JsonNodeFactory.instance.booleanNode(true);
        } else if (child.isNumber()) {
            wrong = random.nextBoolean() ? TextNode.valueOf("") : TextNode.valueOf(child.asText());
        } else if (child.isBoolean()) {
            wrong = random.nextBoolean() ? TextNode.valueOf("") : TextNode.valueOf(child.asText());
        } else if (child.isArray()) {
            wrong = random.nextBoolean() ? TextNode.valueOf("x") : JsonNodeFactory.instance.numberNode(7);
        } else {
            wrong = random.nextBoolean() ? JsonNodeFactory.instance.arrayNode().add(1) : TextNode.valueOf("x");
        }
        if (node.isObject()) {
            ((ObjectNode) node).set(key, wrong);
        } else {
            ((ArrayNode) node).set(Integer.parseInt(key), wrong);
        }
        where.set(childPath + "=" + wrong);
    }

    /** Puts the marker into one string value of the tree (the caller replaces it with a refused escape). */
    static void markString(JsonNode node, Random random, AtomicReference<String> where, String path, String marker) {
        List<String> strings = new ArrayList<>();
        collectStrings(node, "", strings);
        String chosen = strings.get(random.nextInt(strings.size()));
        JsonNode parent = node;
        String[] steps = chosen.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isObject() ? parent.get(steps[i]) : parent.get(Integer.parseInt(steps[i]));
        }
        String last = steps[steps.length - 1];
        JsonNode old = parent.isObject() ? parent.get(last) : parent.get(Integer.parseInt(last));
        String text = old.asText();
        int at = random.nextInt(text.length() + 1);
        TextNode marked = TextNode.valueOf(text.substring(0, at) + marker + text.substring(at));
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, marked);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), marked);
        }
        where.set(chosen);
    }

    static void collectStrings(JsonNode node, String path, List<String> out) {
        if (node.isTextual()) {
            out.add(path);
        } else if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                collectStrings(node.get(name), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i, out);
            }
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    // --- The document, the checks, the platform. ---------------------------------------------------------------------

    static JsonNode document;

    static List<Operation> operationsOfTheDocument() throws Exception {
        document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(
                Path.of("..", "gateway", "src", "main", "resources", "META-INF", "openapi.yaml")));
        List<Operation> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                JsonNode operation = entry.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<JsonNode> pathParameters = new ArrayList<>();
                List<JsonNode> queryParameters = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                entry.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(parameter);
                    switch (resolved.get("in").asText()) {
                        case "path" -> pathParameters.add(resolved);
                        case "query" -> queryParameters.add(resolved);
                        default -> { }
                    }
                }
                List<String> types = new ArrayList<>();
                JsonNode body = resolve(operation.path("requestBody"));
                body.path("content").fieldNames().forEachRemaining(types::add);
                String id = operation.get("operationId").asText();
                list.add(new Operation(id, method.toUpperCase(), entry.getKey(), pathParameters, queryParameters, types,
                        CALLS.get(id)));
            }
        }
        return list;
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = document;
            for (String step : current.get("$ref").asText().substring(2).split("/")) {
                target = target.get(step);
            }
            current = target;
        }
        return current;
    }

    /** Why an answer to an invalid request is wrong, or null when it is a 4xx problem stating its status. */
    static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return status + " " + abbreviate(response.body(), 400);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " without a problem (Content-Type " + type + "): " + abbreviate(response.body(), 200);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body.path("status").asInt() != status) {
                return status + " with a problem saying status " + body.path("status");
            }
        } catch (Exception e) {
            return status + " with an unreadable problem body: " + abbreviate(response.body(), 200);
        }
        return null;
    }

    /**
     * The databases once the platform is quiet: no outbox row waiting to be sent, billing's re-pricing sweep done,
     * and two readings in a row alike (consumers have caught up).
     */
    static Map<String, String> quietFingerprint() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        AtomicReference<Map<String, String>> quiet = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(700)).until(() -> {
            for (String name : DATABASES) {
                if (probe(name).count("select count(*) from outbox_event where sent_at is null") > 0) {
                    return false;
                }
            }
            if (probe("billing").count("select count(*) from repricing_state where not completed") > 0) {
                return false;
            }
            Map<String, String> now = DatabaseFingerprint.of(platform.stack(), DATABASES);
            boolean same = now.equals(last.getAndSet(now));
            if (same) {
                quiet.set(now);
            }
            return same;
        });
        return quiet.get();
    }

    static DatabaseProbe probe(String name) {
        var database = platform.stack().database(name).orElseThrow();
        return new DatabaseProbe(database.jdbcUrl(), database.username(), database.password());
    }

    static HttpResponse<String> send(Who who, Attempt attempt) throws Exception {
        URI uri;
        try {
            uri = URI.create(gateway.url() + attempt.pathAndQuery());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzz built an unsendable URI: " + attempt, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(attempt.method(),
                attempt.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        attempt.headers().forEach(request::header);
        if (who != Who.ANON) {
            request.header("Authorization", "Bearer " + token(who));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(Who who, String method, String path, String body) throws Exception {
        Map<String, String> headers = body == null ? Map.of()
                : Map.of("Content-Type", body.startsWith("WEBVTT") ? "text/vtt; charset=utf-8" : "application/json");
        return send(who, new Attempt("valid", method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> expect(HttpResponse<String> response, Integer... statuses) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isIn((Object[]) statuses);
        return response;
    }

    /** Access tokens live 5 minutes in the realm: each is fetched again when it is 4 minutes old. */
    static String token(Who who) {
        String[] token = tokens.get(who);
        if (token == null || System.nanoTime() - Long.parseLong(token[1]) > Duration.ofMinutes(4).toNanos()) {
            String value = switch (who) {
                case AURORA -> keycloak.clientCredentials("studio-aurora", "aurora-dev-secret");
                case OPS_EU -> keycloak.password("ops-eu", "demo");
                case CJK -> keycloak.password("localizer-cjk", "demo");
                case ADMIN -> keycloak.password("admin", "demo");
                case ANON -> throw new IllegalArgumentException("anonymous has no token");
            };
            token = new String[] { value, String.valueOf(System.nanoTime()) };
            tokens.put(who, token);
        }
        return token[0];
    }

    static String drama(String title) {
        return """
                {"title":"%s","synopsis":"A CEO by night.","originalLanguage":"en","genres":["romance","drama"],"tags":["ceo"],
                 "coverImageUri":"https://cdn.example.com/fuzz/cover.jpg","localizations":{"ja":{"title":"真夜中のCEO","synopsis":"夜"}},
                 "ageRatings":{"GB":"bbfc:12"},"pricingTier":"standard","episodes":[%s,%s],
                 "licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z","validUntil":"2030-01-01T00:00:00Z","exclusive":false},
                             {"region":"US","validFrom":"2025-01-01T00:00:00Z"},{"region":"JP","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(title, episode(1), episode(2)).replace("\n", "");
    }

    static String episode(int number) {
        return """
                {"number":%d,"title":"Episode %d","durationSeconds":90,"videoUri":"https://cdn.example.com/fuzz/%d.mp4",
                 "videoChecksum":"sha256:%064x","aspectRatio":"9:16"}""".formatted(number, number, number, number).replace("\n", "");
    }

    static List<String> regions(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("region").asText()).toList();
    }

    static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 && c != '\n' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString().replace("\n", "\\n");
    }

    static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…(" + text.length() + ")" : text;
    }
}
