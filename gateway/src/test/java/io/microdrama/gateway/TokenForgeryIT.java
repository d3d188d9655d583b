package io.microdrama.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.gateway.support.KeycloakWithTestKeyResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and misused tokens against the gateway verifying with real Keycloak (realm microdrama). Every forgery is
 * tried on a routed operation and on the gateway's own {@code /api/v1/me}; the controls show the same requests pass
 * with a good token, so a 401 here is caused by exactly what the forgery gets wrong. Behind the gateway nothing
 * listens: a request that passes the gateway's checks ends in 502, one refused by them in 401.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakWithTestKeyResource.class, restrictToAnnotatedClass = true)
class TokenForgeryIT {

    static final String ROUTED = "/api/v1/ops/regions/US/rollout";
    static final String OWN = "/api/v1/me";
    static final ObjectMapper JSON = new ObjectMapper();

    static String realmUrl() {
        return ConfigProvider.getConfig().getValue("test.keycloak.realm-url", String.class);
    }

    /** A token with everything right, signed by the test key Keycloak publishes; {@code change} spoils one thing. */
    static String signedByRealmKey(Consumer<JwtClaimsBuilder> change) {
        JwtClaimsBuilder claims = Jwt.issuer(realmUrl()).audience("microdrama-api").subject("forged-ops")
                .claim("preferred_username", "forged-ops").claim("typ", "Bearer").claim("azp", "microdrama-console")
                .claim("realm_access", Map.of("roles", List.of("ops"))).claim("regions", List.of("US"))
                .issuedAt(Instant.now().minusSeconds(5)).expiresAt(Instant.now().plusSeconds(300));
        change.accept(claims);
        String kid = ConfigProvider.getConfig().getValue("test.jwt.kid", String.class);
        return claims.jws().keyId(kid).sign(trustedKey());
    }

    static PrivateKey trustedKey() {
        try {
            byte[] encoded = Base64.getDecoder().decode(ConfigProvider.getConfig().getValue("test.jwt.private-key", String.class));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertRefused(String token, String what) {
        for (String path : List.of(ROUTED, OWN)) {
            Response response = token == null ? given().get(path) : given().auth().oauth2(token).get(path);
            assertThat(response.statusCode()).as(what + " on " + path).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    static void assertAccepted(String token, String what) {
        assertThat(given().auth().oauth2(token).get(OWN).statusCode()).as(what + " on " + OWN).isEqualTo(200);
        Response routed = given().auth().oauth2(token).get(ROUTED);
        assertThat(routed.statusCode()).as(what + " passed the gateway, then found no service").isEqualTo(502);
    }

    @Test
    void realTokensFromTheRealmAreAccepted() {
        assertAccepted(new KeycloakTokens(realmUrl()).password("ops-na", "demo"), "ops-na");
        String studio = new KeycloakTokens(realmUrl()).clientCredentials("studio-aurora", "aurora-dev-secret");
        assertThat(given().auth().oauth2(studio).get(OWN).statusCode()).isEqualTo(200);
        assertThat(given().auth().oauth2(studio).get("/api/v1/studio/dramas").statusCode()).isEqualTo(502);
    }

    @Test
    void aTokenSignedByTheRealmsPublishedTestKeyIsAcceptedWhenNothingElseIsWrong() {
        assertAccepted(signedByRealmKey(claims -> {
        }), "control");
    }

    @Test
    void noTokenOrNoJwtIs401() {
        assertRefused(null, "no token");
        assertRefused("not.a.jwt", "garbage");
    }

    @Test
    void anExpiredTokenIs401() {
        assertRefused(signedByRealmKey(claims -> claims.issuedAt(Instant.now().minusSeconds(1200))
                .expiresAt(Instant.now().minusSeconds(600))), "expired");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertRefused(signedByRealmKey(claims -> claims.issuer("http://evil.example/realms/microdrama")), "forged issuer");
        // A genuine Keycloak token whose issuer differs only by host name (the realm answers under both names).
        String viaOtherHost = new KeycloakTokens(realmUrl().replace("127.0.0.1", "localhost")).password("ops-na", "demo");
        assertThat(claims(viaOtherHost).get("iss").asText()).startsWith("http://localhost:");
        assertRefused(viaOtherHost, "real token, other issuer");
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        assertRefused(signedByRealmKey(claims -> claims.audience("some-other-api")), "forged audience");
        // A genuine token of the realm's admin-cli client, which has no microdrama-api audience mapper.
        String adminCli = realmToken(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "ops-na",
                "password", "demo"));
        assertThat(claims(adminCli).path("aud").toString()).doesNotContain("microdrama-api");
        assertRefused(adminCli, "real token, other audience");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        String realKid = header(new KeycloakTokens(realmUrl()).password("ops-na", "demo")).get("kid").asText();
        for (String kid : List.of(realKid, "unknown-kid")) {
            String forged = Jwt.issuer(realmUrl()).audience("microdrama-api").subject("mallory")
                    .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(300).jws().keyId(kid).sign(stranger);
            assertRefused(forged, "signed by a stranger, kid " + kid);
        }
    }

    @Test
    void anUnsignedTokenIs401() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = base64Url(("{\"iss\":\"%s\",\"aud\":\"microdrama-api\",\"sub\":\"mallory\",\"exp\":%d,\"iat\":%d,"
                + "\"realm_access\":{\"roles\":[\"admin\"]}}").formatted(realmUrl(), now + 300, now));
        assertRefused(header + "." + payload + ".", "alg none");
    }

    @Test
    void aRealTokenWithAnEditedPayloadIs401() {
        String real = new KeycloakTokens(realmUrl()).password("ops-na", "demo");
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ops\"", "\"admin\"");
        assertRefused(parts[0] + "." + base64Url(payload) + "." + parts[2], "edited payload");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static com.fasterxml.jackson.databind.JsonNode claims(String token) {
        return part(token, 1);
    }

    private static com.fasterxml.jackson.databind.JsonNode header(String token) {
        return part(token, 0);
    }

    private static com.fasterxml.jackson.databind.JsonNode part(String token, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String realmToken(Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realmUrl() + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
