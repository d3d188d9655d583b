package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.OpenApiDocument;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every route reaches the right service with what it needs, and the answer comes back with what the caller needs. */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class RoutingTest {

    static final String DRAMA_ID = "0b9c6a52-3f0e-4a4c-9a65-2b8e6f6a1d10";

    /** A concrete path for a documented template, with values every scope check of the all-roles token accepts. */
    static String concrete(String template) {
        return template.replace("{region}", "DE").replace("{dramaId}", DRAMA_ID).replace("{number}", "3")
                .replace("{language}", "de").replace("{externalId}", "midnight-ceo").replaceAll("\\{[^}]+}", "x1");
    }

    @Test
    void everyDocumentedOperationReachesTheServiceTheDocumentNames() {
        List<OpenApiDocument.Operation> operations = OpenApiDocument.operations();
        assertThat(operations).hasSizeGreaterThan(40);
        String token = TestTokens.everything();
        for (OpenApiDocument.Operation operation : operations) {
            String path = concrete(operation.path());
            RequestSpecification request = given().auth().oauth2(token);
            if (operation.method().equals("PUT") || operation.method().equals("POST")) {
                request = request.contentType(ContentType.JSON).body("{\"probe\":true}");
            }
            Response response = request.request(operation.method(), path);
            assertThat(response.statusCode()).as(operation + " -> " + response.asString()).isEqualTo(200);
            if (operation.upstream().equals("gateway")) {
                continue;
            }
            if (operation.upstream().startsWith("gateway (")) {
                assertThat(response.jsonPath().getString("drama.upstream")).as(operation.toString()).isEqualTo("catalog-service");
                continue;
            }
            assertThat(response.jsonPath().getString("upstream")).as(operation.toString()).isEqualTo(operation.upstream());
            assertThat(response.jsonPath().getString("method")).isEqualTo(operation.method());
            assertThat(response.jsonPath().getString("path")).as(operation.toString()).isEqualTo(path);
            boolean bodySent = operation.method().equals("PUT") || operation.method().equals("POST");
            assertThat(response.jsonPath().getString("body")).isEqualTo(bodySent ? "{\"probe\":true}" : "");
            assertThat(response.jsonPath().getString("headers.authorization"))
                    .as("the token goes along, except to the anonymous storefront")
                    .isEqualTo(operation.anonymous() ? null : "Bearer " + token);
        }
    }

    @Test
    void queryAndCallerHeadersPassUnchangedOtherRequestHeadersStay() {
        Response response = given().auth().oauth2(TestTokens.studio("aurora"))
                .header("Accept-Language", "es-419, en;q=0.5").header("If-Match", "\"7\"").header("If-None-Match", "\"6\"")
                .header("Cookie", "console-session=secret").header("X-Debug", "1").accept("application/json")
                .urlEncodingEnabled(false)
                .get("/api/v1/studio/dramas?status=PUBLISHED&title=caf%C3%A9+noir&page=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("query")).isEqualTo("status=PUBLISHED&title=caf%C3%A9+noir&page=2");
        assertThat(response.jsonPath().getString("headers['accept-language']")).isEqualTo("es-419, en;q=0.5");
        assertThat(response.jsonPath().getString("headers['if-match']")).isEqualTo("\"7\"");
        assertThat(response.jsonPath().getString("headers['if-none-match']")).isEqualTo("\"6\"");
        assertThat(response.jsonPath().getString("headers.accept")).isEqualTo("application/json");
        assertThat(response.jsonPath().getString("headers.cookie")).isNull();
        assertThat(response.jsonPath().getString("headers['x-debug']")).isNull();
    }

    @Test
    void answerHeadersTheCallerNeedsComeBackOthersStayAndLocationPointsAtTheGateway() {
        Response response = given().auth().oauth2(TestTokens.studio("aurora")).get("/api/v1/studio/dramas/x?fake=headers");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"v1\"");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(response.header("Content-Disposition")).isEqualTo("inline; filename=\"x.vtt\"");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Location")).isEqualTo(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/somewhere/new");
        assertThat(response.header("Set-Cookie")).isNull();
        assertThat(response.header("X-Internal-Secret")).isNull();
        assertThat(response.header("Server")).isNull();
    }

    @Test
    void storefrontConditionalReadsGet304WithTheirValidators() {
        Response full = given().get("/api/v1/storefront/DE/dramas?fake=conditional");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.header("ETag")).isEqualTo("\"v1\"");
        Response notModified = given().header("If-None-Match", "\"v1\"").get("/api/v1/storefront/DE/dramas?fake=conditional");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo("\"v1\"");
        assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(notModified.asByteArray()).isEmpty();
    }

    @Test
    void storefrontIgnoresAndDropsAnyTokenEvenAnInvalidOne() {
        Response response = given().header("Authorization", "Bearer not-a-token").get("/api/v1/storefront/GB/offers");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("upstream")).isEqualTo("billing-service");
        assertThat(response.jsonPath().getString("headers.authorization")).isNull();
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("gateway_route_requests_seconds_count{method=\"GET\",route=\"/api/v1/storefront/{region}/offers\",status=\"200\"}");
    }

    @Test
    void aSubtitleFileOfAboutOneMebibyteArrivesByteForByte() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; vtt.length() < 1_000_000; i++) {
            vtt.append(i).append("\n00:00:01.000 --> 00:00:02.000\nLine ").append(i).append(" — ünïcödé\n\n");
        }
        byte[] body = vtt.toString().getBytes(StandardCharsets.UTF_8);
        Response response = given().auth().oauth2(TestTokens.studio("aurora")).contentType("text/vtt; charset=utf-8").body(body)
                .put("/api/v1/studio/dramas/midnight-ceo/episodes/1/subtitles/de");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("upstream")).isEqualTo("localization-service");
        assertThat(response.jsonPath().getString("headers['content-type']")).isEqualTo("text/vtt; charset=utf-8");
        assertThat(response.jsonPath().getInt("headers['content-length']")).isEqualTo(body.length);
    }

    @Test
    void aServicesClientErrorIsPassedOnAsItIs() {
        Response response = given().auth().oauth2(TestTokens.studio("aurora")).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/studio/dramas/x?fake=status:409");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getString("upstream")).isEqualTo("catalog-service");
    }

    @Test
    void pathsOutsideTheContractAreAnsweredByTheGatewayWithoutCallingAnyService() {
        String key = Fakes.key();
        Response unknown = given().auth().oauth2(TestTokens.everything()).get("/api/v1/studio/secrets?fake=fail-first:0:" + key);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Response wrongMethod = given().auth().oauth2(TestTokens.everything()).delete("/api/v1/studio/dramas/x?fake=fail-first:0:" + key);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, PUT");
        Response sneaky = given().urlEncodingEnabled(false)
                .get("/api/v1/storefront/DE/dramas/..%2F..%2Fadmin%2Fstudios?fake=fail-first:0:" + key);
        assertThat(sneaky.statusCode()).isEqualTo(400);
        assertThat(sneaky.jsonPath().getString("detail")).contains("encoded separator");
        assertThat(Fakes.calls(key)).isZero();
    }

    @Test
    void nulMatrixParametersAndHugeHeadersAreRefusedBeforeAnythingIsForwarded() {
        String key = Fakes.key();
        Response nulInPath = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.studio("aurora"))
                .post("/api/v1/studio/dramas/%00/publish?fake=fail-first:0:" + key);
        assertThat(nulInPath.statusCode()).isEqualTo(400);
        assertThat(nulInPath.contentType()).startsWith("application/problem+json");
        assertThat(nulInPath.jsonPath().getString("detail")).contains("NUL");
        Response nulInQuery = given().urlEncodingEnabled(false)
                .get("/api/v1/storefront/DE/dramas?genre=%00&fake=fail-first:0:" + key);
        assertThat(nulInQuery.statusCode()).isEqualTo(400);
        assertThat(nulInQuery.jsonPath().getString("errors[0].field")).isEqualTo("genre");
        Response matrix = given().urlEncodingEnabled(false).auth().oauth2(TestTokens.studio("aurora"))
                .contentType(ContentType.JSON).body("{}").put("/api/v1/studio/dramas/name;x=1?fake=fail-first:0:" + key);
        assertThat(matrix.statusCode()).isEqualTo(400);
        assertThat(matrix.contentType()).startsWith("application/problem+json");
        Response hugeHeader = given().header("X-Padding", "x".repeat(64 * 1024))
                .get("/api/v1/storefront/DE/dramas?fake=fail-first:0:" + key);
        assertThat(hugeHeader.statusCode()).isEqualTo(431);
        assertThat(hugeHeader.contentType()).startsWith("application/problem+json");
        assertThat(Fakes.calls(key)).isZero();
    }
}
