package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.Fakes;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway decides before forwarding: every refusal here is checked to have reached no service. Tokens are real
 * signed JWTs (test key); {@link TokenForgeryIT} repeats the forgeries against real Keycloak.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class SecurityTest {

    /** Calls the path with a counting marker and returns the answer; {@link #forwarded} tells whether a service saw it. */
    private static Response call(String method, String path, String token, String key) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.request(method, path + (path.contains("?") ? "&" : "?") + "fake=fail-first:0:" + key);
    }

    private static boolean forwarded(String key) {
        return Fakes.calls(key) > 0;
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).contains(detail);
    }

    @Test
    void noTokenIs401WithAProblemAndNothingIsForwarded() {
        String key = Fakes.key();
        Response response = call("GET", "/api/v1/ops/regions/DE/rollout", null, key);
        assertProblem(response, 401, "A valid bearer token is required");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(forwarded(key)).isFalse();
        assertProblem(given().get("/api/v1/me"), 401, "A valid bearer token is required");
    }

    @Test
    void tokensTheGatewayCannotTrustAre401() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String foreign = Jwt.issuer(FakeUpstreamsResource.ISSUER).audience("microdrama-api").subject("x")
                .claim("realm_access", Map.of("roles", List.of("admin"))).jws().keyId("test-key")
                .sign(otherKey.generateKeyPair().getPrivate());
        String expired = TestTokens.token("admin", Set.of("admin"), Map.of("exp", System.currentTimeMillis() / 1000 - 600,
                "iat", System.currentTimeMillis() / 1000 - 900));
        String otherAudience = TestTokens.token("admin", Set.of("admin"), Map.of("aud", "another-api"));
        String otherIssuer = TestTokens.token("admin", Set.of("admin"), Map.of("iss", "https://evil.example/realms/microdrama"));
        for (String token : List.of("garbage", foreign, expired, otherAudience, otherIssuer)) {
            String key = Fakes.key();
            assertProblem(call("GET", "/api/v1/admin/studios", token, key), 401, "A valid bearer token is required");
            assertThat(forwarded(key)).isFalse();
        }
        String control = Fakes.key();
        assertThat(call("GET", "/api/v1/admin/studios", TestTokens.admin(), control).statusCode()).isEqualTo(200);
        assertThat(forwarded(control)).as("the same request with a good token goes through").isTrue();
    }

    @Test
    void aRoleThatDoesNotFitIs403NamingTheRole() {
        String key = Fakes.key();
        assertProblem(call("GET", "/api/v1/ops/regions/DE/rollout", TestTokens.studio("aurora"), key), 403,
                "needs the role admin or ops");
        assertProblem(call("PUT", "/api/v1/studio/dramas/x", TestTokens.admin(), key), 403, "needs the role studio");
        assertProblem(call("GET", "/api/v1/billing/reference/tiers", TestTokens.ops("US"), key), 403, "needs the role admin");
        assertThat(forwarded(key)).isFalse();
    }

    @Test
    void opsActOnlyInTheirRegionsWithGroupsExpanded() {
        String refused = Fakes.key();
        Response outside = call("POST", "/api/v1/ops/regions/JP/dramas/d1/hold", TestTokens.ops("EU", "GB"), refused);
        assertProblem(outside, 403, "Your token does not cover region JP");
        assertThat(outside.asString()).doesNotContain("EU").doesNotContain("GB");
        assertThat(forwarded(refused)).isFalse();
        String allowed = Fakes.key();
        assertThat(call("POST", "/api/v1/ops/regions/DE/dramas/d1/hold", TestTokens.ops("EU", "GB"), allowed).statusCode())
                .as("DE is in the EU group").isEqualTo(200);
        assertThat(forwarded(allowed)).isTrue();
    }

    @Test
    void localizersWorkOnlyInTheirLanguages() {
        String refused = Fakes.key();
        assertProblem(call("PUT", "/api/v1/localization/dramas/d1/episodes/1/subtitles/ar.vtt", TestTokens.localizer("ja", "ko"),
                refused), 403, "do not include ar");
        assertProblem(call("GET", "/api/v1/localization/tasks?language=he", TestTokens.localizer("ja"), refused), 403,
                "do not include he");
        assertThat(forwarded(refused)).isFalse();
        String allowed = Fakes.key();
        assertThat(call("PUT", "/api/v1/localization/dramas/d1/episodes/1/subtitles/ja.vtt", TestTokens.localizer("ja", "ko"),
                allowed).statusCode()).isEqualTo(200);
        assertThat(forwarded(allowed)).isTrue();
    }

    @Test
    void aStudioTokenWithoutStudioIdIsRefused() {
        String key = Fakes.key();
        String odd = TestTokens.token("odd", Set.of("studio"), Map.of());
        assertProblem(call("GET", "/api/v1/studio/dramas", odd, key), 403, "no studio_id");
        assertThat(forwarded(key)).isFalse();
    }

    @Test
    void whoAmIShowsTheTokensRoles() {
        Response me = given().auth().oauth2(TestTokens.ops("US")).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.jsonPath().getList("roles", String.class)).contains("ops");
    }
}
