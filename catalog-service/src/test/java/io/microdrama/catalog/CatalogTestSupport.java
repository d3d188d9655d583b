package io.microdrama.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/**
 * What catalog's integration tests share. The devstack resource is declared here once, for every test class of
 * the module: one real Kafka, PostgreSQL and Keycloak and one application start for the whole run.
 */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "catalog"), @ResourceArg(name = "keycloak", value = "true") })
public final class CatalogTestSupport {

    private static final ObjectMapper FIXTURE_JSON = new ObjectMapper();

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private CatalogTestSupport() {
    }

    /** A studio's token (shared {@link Stack}), the studio registered by an admin first as catalog requires (idempotent PUT). */
    static String registeredStudio(String studio) {
        String token = Stack.studioToken(studio);
        if (REGISTERED.add(studio)) {
            given().auth().oauth2(Stack.userToken("admin")).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + studio + " pictures\"}").put("/api/v1/admin/studios/{id}", studio)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        return token;
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String episodes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> """
                {"number":%d,"title":"Episode %d","durationSeconds":%d,"videoUri":"https://cdn.example.com/v/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(n, n, 60 + n, n, n)).collect(Collectors.joining(","));
    }

    /**
     * A valid drama body as a studio PUTs it; {@code licences} and {@code extra} are JSON fragments (extra may be
     * empty). A field in {@code extra} replaces the default one (the API refuses a body with a key twice).
     */
    static String drama(String title, int episodeCount, String licences, String extra) {
        String body = """
                {"title":"%s","synopsis":"A marriage of convenience.","originalLanguage":"en","genres":["romance"],
                 "pricingTier":"standard","episodes":[%s],"licences":[%s]}""".formatted(title, episodes(episodeCount), licences);
        if (extra.isEmpty()) {
            return body;
        }
        try {
            ObjectNode drama = (ObjectNode) FIXTURE_JSON.readTree(body);
            drama.setAll((ObjectNode) FIXTURE_JSON.readTree("{" + extra + "}"));
            return FIXTURE_JSON.writeValueAsString(drama);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON fragment: " + extra, e);
        }
    }

    static String licence(String region, String from, String until) {
        return until == null ? "{\"region\":\"%s\",\"validFrom\":\"%s\"}".formatted(region, from)
                : "{\"region\":\"%s\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}".formatted(region, from, until);
    }

    /** A JDBC connection to catalog's database, for tests that hold locks or read rows directly. */
    static Connection connection() throws Exception {
        return Stack.database().open();
    }

    /**
     * A published drama of {@code studioId} (registered by the caller) licensed in {@code regions}, written straight
     * into catalog's tables: for tests of what happens to rollouts that already exist, without the publication's events.
     */
    static void insertPublishedDrama(Connection db, String studioId, UUID dramaId, List<String> regions) throws Exception {
        try (PreparedStatement drama = db.prepareStatement("insert into drama (id, studio_id, external_id, title, "
                + "original_language, genres, pricing_tier, episodes, licences, status, drama_version, revision, updated_at) "
                + "values (?, ?, ?, 't', 'en', '[]', 'standard', '[]', '[]', 'PUBLISHED', 1, 0, now())")) {
            drama.setObject(1, dramaId);
            drama.setString(2, studioId);
            drama.setString(3, dramaId.toString());
            drama.execute();
        }
        try (PreparedStatement rollout = db.prepareStatement("insert into regional_rollout (drama_id, region, "
                + "drama_version, valid_from, listed_at) values (?, ?, 1, now() - interval '1 day', now())")) {
            for (String region : regions) {
                rollout.setObject(1, dramaId);
                rollout.setString(2, region);
                rollout.addBatch();
            }
            rollout.executeBatch();
        }
    }
}
