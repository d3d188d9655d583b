package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What every answer carries (security headers), who may call from a browser (CORS), and how much may be sent. */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class EdgeTest {

    static final String CONSOLE = "http://localhost:3000";

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        assertSecurityHeaders(given().get("/api/v1/storefront/DE/dramas"));
        assertSecurityHeaders(given().get("/api/v1/studio/dramas"));
        assertSecurityHeaders(given().get("/api/v1/nothing"));
        assertSecurityHeaders(given().get("/api/v1/storefront/DE/dramas?fake=close"));
    }

    @Test
    void theConsoleOriginMayCallFromABrowserOthersMayNot() {
        Response preflight = given().header("Origin", CONSOLE).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/studio/dramas/x");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization").contains("if-match");

        Response read = given().header("Origin", CONSOLE).get("/api/v1/storefront/DE/dramas?fake=headers");
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag");

        Response foreignPreflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/studio/dramas/x");
        assertThat(foreignPreflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(foreignPreflight.statusCode()).isEqualTo(403);
        Response foreignRead = given().header("Origin", "https://evil.example").get("/api/v1/storefront/DE/dramas");
        assertThat(foreignRead.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aBodyOverTheLimitIs413AndReachesNoService() {
        String key = Fakes.key();
        byte[] threeMebibytes = new byte[3 * 1024 * 1024];
        Arrays.fill(threeMebibytes, (byte) 'a');
        Response response = given().auth().oauth2(TestTokens.studio("aurora")).contentType("text/vtt").body(threeMebibytes)
                .put("/api/v1/studio/dramas/x/episodes/1/subtitles/de?fake=fail-first:0:" + key);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Fakes.calls(key)).isZero();
    }
}
