package io.microdrama.catalog;

import io.microdrama.testing.Stack;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Studio ingest on real PostgreSQL, Kafka and Keycloak: upsert, validation, publish, withdraw, isolation. */
@QuarkusTest
class StudioIngestIT {

    static final String GB = licence("GB", "2025-01-01T00:00:00Z", null);

    @Test
    void sameBodyTwiceChangesNothingAndStaleIfMatchIsRefused() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("idem");
        String body = drama("Idempotent", 2, GB, "");
        put(aurora, externalId, body, null).then().statusCode(201).header("ETag", "\"0\"");
        put(aurora, externalId, body, null).then().statusCode(200).header("ETag", "\"0\"");
        put(aurora, externalId, drama("Idempotent, renamed", 2, GB, ""), "\"0\"").then().statusCode(200).header("ETag", "\"1\"");
        put(aurora, externalId, drama("Lost update", 2, GB, ""), "\"0\"").then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then()
                .body("title", equalTo("Idempotent, renamed")).body("revision", equalTo(1));
    }

    /** Two writers race on one revision: exactly one wins, the other is told its version is stale. */
    @Test
    void concurrentUpdatesOfOneRevisionLetExactlyOneWin() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("race");
        put(aurora, externalId, drama("Race", 1, GB, ""), null).then().statusCode(201);
        List<Integer> statuses = Stream.of("Writer A", "Writer B", "Writer C")
                .map(title -> CompletableFuture.supplyAsync(() -> put(aurora, externalId, drama(title, 1, GB, ""), "\"0\"").statusCode()))
                .toList().stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412, 412);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().body("revision", equalTo(1));
    }

    @Test
    void concurrentCreatesOfOneExternalIdMakeOneDrama() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("twin");
        List<Integer> statuses = Stream.of(1, 2, 3)
                .map(n -> CompletableFuture.supplyAsync(() -> put(aurora, externalId, drama("Twin", 1, GB, ""), null).statusCode()))
                .toList().stream().map(CompletableFuture::join).sorted().toList();
        // One creates; the others either saw it (200, same content) or lost the insert race (409, retry).
        assertThat(statuses).contains(201);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas").then()
                .body("items.findAll { it.externalId == '" + externalId + "' }.size()", equalTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty title                | "title":""                                               | title
            oversized title            | "title":"%s"                                             | title
            unknown language tag       | "originalLanguage":"qq"                                  | originalLanguage
            malformed language tag     | "originalLanguage":"not a tag"                           | originalLanguage
            missing pricing tier       | "pricingTier":null                                       | pricingTier
            unknown region             | "licences":[{"region":"XX","validFrom":"2025-01-01T00:00:00Z"}] | licences[0].region
            window from after until    | "licences":[{"region":"FR","validFrom":"2026-01-01T00:00:00Z","validUntil":"2025-01-01T00:00:00Z"}] | licences[0].validUntil
            window from equals until   | "licences":[{"region":"FR","validFrom":"2026-01-01T00:00:00Z","validUntil":"2026-01-01T00:00:00Z"}] | licences[0].validUntil
            missing window start       | "licences":[{"region":"FR"}]                             | licences[0].validFrom
            country licensed twice     | "licences":[{"region":"FR","validFrom":"2025-01-01T00:00:00Z"},{"region":"EU","validFrom":"2025-01-01T00:00:00Z"}] | licences
            gap in episode numbers     | "episodes":[{"number":1,"durationSeconds":60,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s"},{"number":3,"durationSeconds":60,"videoUri":"https://c/3","videoChecksum":"sha256:%2$s"}] | episodes[1].number
            duplicate episode number   | "episodes":[{"number":1,"durationSeconds":60,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s"},{"number":1,"durationSeconds":60,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s"}] | episodes[1].number
            no episodes                | "episodes":[]                                            | episodes
            episode too short          | "episodes":[{"number":1,"durationSeconds":9,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s"}] | episodes[0].durationSeconds
            episode too long           | "episodes":[{"number":1,"durationSeconds":901,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s"}] | episodes[0].durationSeconds
            video without checksum     | "episodes":[{"number":1,"durationSeconds":60,"videoUri":"https://c/1"}] | episodes[0].videoChecksum
            relative video URI         | "episodes":[{"number":1,"durationSeconds":60,"videoUri":"/v/1.mp4","videoChecksum":"sha256:%2$s"}] | episodes[0].videoUri
            malformed aspect ratio     | "episodes":[{"number":1,"durationSeconds":60,"videoUri":"https://c/1","videoChecksum":"sha256:%2$s","aspectRatio":"tall"}] | episodes[0].aspectRatio
            rating without system      | "ageRatings":{"DE":"12"}                                 | ageRatings.DE
            rating in the wrong system | "ageRatings":{"DE":"bbfc:12"}                            | ageRatings.DE
            rating for unknown region  | "ageRatings":{"ZZ":"fsk:12"}                             | ageRatings.ZZ
            localization bad tag       | "localizations":{"not a tag":{"title":"x"}}              | localizations.not a tag
            localization without title | "localizations":{"ja":{"synopsis":"x"}}                  | localizations.ja.title
            cover not http             | "coverImageUri":"ftp://covers/1.jpg"                     | coverImageUri
            too many genres            | "genres":[%3$s]                                          | genres
            """)
    void eachInvalidFieldIsNamedAndNothingIsStored(String rule, String override, String field) {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("invalid");
        String manyGenres = String.join(",", Stream.iterate(1, n -> n + 1).limit(31).map(n -> "\"g" + n + "\"").toList());
        String body = withField(drama("Valid", 1, GB, ""), override.formatted("x".repeat(301), "a".repeat(64), manyGenres));
        put(aurora, externalId, body, null).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(404);
    }

    @Test
    void everyOffendingFieldIsListedInOneAnswer() {
        String aurora = registeredStudio("aurora");
        String broken = """
                {"title":"","originalLanguage":"not a tag","pricingTier":"standard",
                 "episodes":[{"number":1,"durationSeconds":5},{"number":3,"durationSeconds":60}],
                 "licences":[{"region":"XX","validFrom":"2025-01-01T00:00:00Z"}]}""";
        put(aurora, uniqueId("broken"), broken, null).then().statusCode(422)
                .body("errors.field", equalTo(List.of("title", "originalLanguage", "episodes[0].durationSeconds",
                        "episodes[0].videoUri", "episodes[0].videoChecksum", "episodes[1].number", "licences[0].region")));
        given().auth().oauth2(aurora).contentType(ContentType.JSON).body("{not json")
                .put("/api/v1/studio/dramas/{id}", uniqueId("garbage")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aLandscapeEpisodeIsAcceptedWithAWarning() {
        String aurora = registeredStudio("aurora");
        String body = drama("Landscape", 2, GB, "").replaceFirst("\"videoChecksum\"", "\"aspectRatio\":\"16:9\",\"videoChecksum\"");
        put(aurora, uniqueId("wide"), body, null).then().statusCode(201)
                .body("warnings.field", equalTo(List.of("episodes[0].aspectRatio")))
                .body("warnings[0].message", containsString("16:9"))
                .body("episodes[0].aspectRatio", equalTo("16:9")).body("episodes[1].aspectRatio", equalTo("9:16"));
    }

    @Test
    void publishRepublishAndWithdrawEmitFullSnapshotsInOrder() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("pub");
        String ratings = "\"ageRatings\":{\"DE\":\"fsk:12\"},\"localizations\":{\"de\":{\"title\":\"Die Vertragsbraut\"}}";
        put(aurora, externalId, drama("Bride", 3, GB + "," + licence("DE", "2025-01-01T00:00:00Z", null), ratings), null)
                .then().statusCode(201);
        String dramaId = given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId).then()
                .statusCode(200).body("dramaVersion", equalTo(1)).body("unpublishedChanges", equalTo(false)).extract().path("id");
        // A retried publish of unchanged content is not a new version.
        given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/publish", externalId).then()
                .statusCode(200).body("dramaVersion", equalTo(1));

        // Removing a published episode needs an explicit re-publish.
        String shorter = drama("Bride", 2, GB, ratings);
        put(aurora, externalId, shorter, null).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("republish"));
        put(aurora, externalId + "?republish=true", shorter, null).then().statusCode(200)
                .body("dramaVersion", equalTo(2)).body("episodes.size()", equalTo(2))
                .body("rollout.region", equalTo(List.of("GB")));
        // Adding content to a published drama is fine; it waits for the next publish.
        put(aurora, externalId, drama("Bride", 4, GB, ratings), null).then().statusCode(200)
                .body("dramaVersion", equalTo(2)).body("unpublishedChanges", equalTo(true));
        given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/withdraw", externalId).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("rollout.state", equalTo(List.of("WITHDRAWN")));
        given().auth().oauth2(aurora).post("/api/v1/studio/dramas/{id}/withdraw", externalId).then().statusCode(409);

        List<ConsumerRecord<String, String>> events = awaitRecords(Topics.CATALOG_DRAMA, dramaId, 3);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(CloudEventTypes.DRAMA_PUBLISHED,
                CloudEventTypes.DRAMA_PUBLISHED, CloudEventTypes.DRAMA_WITHDRAWN);
        assertThat(events.get(0).value()).contains("\"dramaVersion\":1").contains("\"system\":\"fsk\"")
                .contains("Die Vertragsbraut").contains("\"region\":\"DE\"");
        assertThat(events.get(1).value()).contains("\"dramaVersion\":2").doesNotContain("\"region\":\"DE\",\"validFrom\"");
        assertThat(events.get(2).value()).contains("\"dramaVersion\":3");
        assertThat(allRecords(Topics.CATALOG_DRAMA, dramaId)).hasSize(3);
    }

    @Test
    void studiosSeeOnlyTheirOwnDramasAndCannotActForOthers() {
        String aurora = registeredStudio("aurora");
        String lotus = registeredStudio("lotus");
        String externalId = uniqueId("secret");
        put(aurora, externalId, drama("Aurora's secret", 1, GB, ""), null).then().statusCode(201);

        given().auth().oauth2(lotus).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(containsString("aurora")));
        given().auth().oauth2(lotus).post("/api/v1/studio/dramas/{id}/publish", externalId).then().statusCode(404);
        given().auth().oauth2(lotus).post("/api/v1/studio/dramas/{id}/withdraw", externalId).then().statusCode(404);
        // The same external id is simply another drama for lotus: ids are unique per studio, never shared.
        put(lotus, externalId, drama("Lotus's own", 1, GB, "\"studioId\":\"aurora\""), null).then().statusCode(201);
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().body("title", equalTo("Aurora's secret"));
        given().auth().oauth2(lotus).get("/api/v1/studio/dramas").then().statusCode(200)
                .body("items.title", hasItem("Lotus's own")).body("items.title", not(hasItem("Aurora's secret")));

        given().get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/studio/dramas").then().statusCode(401);
        given().auth().oauth2(userToken("ops-eu")).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(403);
        given().auth().oauth2(userToken("localizer-cjk")).get("/api/v1/studio/dramas").then().statusCode(403);
    }

    @Test
    void listFiltersByStatusAndRolloutState() {
        String sakura = registeredStudio("sakura");
        String draft = uniqueId("draft");
        String published = uniqueId("published");
        put(sakura, draft, drama("Draft one", 1, GB, ""), null).then().statusCode(201);
        put(sakura, published, drama("Published one", 1, licence("JP", "2099-01-01T00:00:00Z", null), ""), null).then().statusCode(201);
        given().auth().oauth2(sakura).post("/api/v1/studio/dramas/{id}/publish", published).then().statusCode(200);

        given().auth().oauth2(sakura).queryParam("status", "DRAFT").get("/api/v1/studio/dramas").then().statusCode(200)
                .body("items.externalId", hasItem(draft)).body("items.externalId", not(hasItem(published)));
        given().auth().oauth2(sakura).queryParam("rolloutState", "SCHEDULED").get("/api/v1/studio/dramas").then()
                .body("items.externalId", hasItem(published)).body("items.externalId", not(hasItem(draft)))
                .body("items.find { it.externalId == '" + published + "' }.regionsByState.SCHEDULED", equalTo(1));
        given().auth().oauth2(sakura).queryParam("rolloutState", "LIVE").get("/api/v1/studio/dramas").then()
                .body("items.externalId", not(hasItem(published)));
        given().auth().oauth2(sakura).queryParam("status", "SHOWING").get("/api/v1/studio/dramas").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(sakura).queryParam("size", 1).get("/api/v1/studio/dramas").then()
                .body("items.size()", equalTo(1)).body("hasMore", equalTo(true));
    }

    @Test
    void onlyRegisteredActiveStudiosMayChangeContent() {
        String admin = userToken("admin");
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("inactive");
        put(aurora, externalId, drama("Before", 1, GB, ""), null).then().statusCode(201);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"aurora pictures\",\"active\":false}")
                .put("/api/v1/admin/studios/aurora").then().statusCode(200).body("active", equalTo(false));
        try {
            put(aurora, externalId, drama("After", 1, GB, ""), null).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("not active"));
            given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(200)
                    .body("title", equalTo("Before"));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"aurora pictures\",\"active\":true}")
                    .put("/api/v1/admin/studios/aurora").then().statusCode(200);
        }
        given().auth().oauth2(admin).get("/api/v1/admin/studios").then().statusCode(200).body("id", hasItem("aurora"));
        given().auth().oauth2(aurora).get("/api/v1/admin/studios").then().statusCode(403);
        given().auth().oauth2(userToken("ops-eu")).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .put("/api/v1/admin/studios/rogue").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .put("/api/v1/admin/studios/Bad_Id").then().statusCode(422).body("errors.field", equalTo(List.of("studioId", "name")));
        given().auth().oauth2(admin).get("/api/v1/admin/studios/nobody").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/admin/studios").then().body("id", not(hasItem("rogue")))
                .body("findAll { it.active == false }", empty());
    }

    /** web-support's input rules, on the real service: each refusal is a problem and stores nothing. */
    @Test
    void unacceptableInputIsA4xxProblemAndStoresNothing() {
        String aurora = registeredStudio("aurora");
        String externalId = uniqueId("strict");
        put(aurora, externalId, drama("a\\u0000b", 1, GB, ""), null).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        given().auth().oauth2(aurora).urlEncodingEnabled(false).get("/api/v1/studio/dramas/%00").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(aurora).urlEncodingEnabled(false).post("/api/v1/studio/dramas/%00/publish").then()
                .statusCode(400).contentType("application/problem+json");
        put(aurora, externalId, drama("Far", 1, licence("GB", "2025-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z"), ""),
                null).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("licences[0].validUntil"));
        put(aurora, externalId, withKeyTwice(drama("Twice", 1, GB, ""), "\"title\":\"again\""), null).then().statusCode(400)
                .contentType("application/problem+json");
        put(aurora, externalId, withField(drama("Number", 1, GB, ""), "\"title\":12345"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        given().auth().oauth2(aurora).contentType("application/json; charset=UTF-16")
                .body(drama("Wide", 1, GB, "").getBytes(java.nio.charset.StandardCharsets.UTF_16))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(415).contentType("application/problem+json");
        put(aurora, externalId + ";x=1", drama("Matrix", 1, GB, ""), null).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(aurora).get("/api/v1/studio/dramas/{id}", externalId).then().statusCode(404);
    }

    static Response put(String token, String externalIdAndQuery, String body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).urlEncodingEnabled(false);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/studio/dramas/" + externalIdAndQuery);
    }

    /** The body with {@code field} appended although the key is already there: a duplicate key, on purpose. */
    static String withKeyTwice(String json, String field) {
        return json.substring(0, json.lastIndexOf('}')) + "," + field + "}";
    }

    /** Replaces (or adds) one top-level field of a JSON object given as {@code "name":value}. */
    static String withField(String json, String field) {
        String name = field.substring(0, field.indexOf(':') + 1);
        int start = json.indexOf(name);
        if (start < 0) {
            return json.substring(0, json.lastIndexOf('}')) + "," + field + "}";
        }
        int depth = 0;
        int end = start + name.length();
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return json.substring(0, start) + field + json.substring(end);
    }
}
