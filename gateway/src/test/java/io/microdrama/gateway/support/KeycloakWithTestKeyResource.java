package io.microdrama.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.devstack.DevStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real Keycloak (devstack child process, realm microdrama) for the token forgery tests, plus one RSA key of ours added
 * to the realm as an extra, low-priority signing key. Keycloak still signs its own tokens with its own key, but it
 * publishes ours in the realm's JWKS, so a test can sign tokens the gateway must accept when everything else is right:
 * each forgery then fails for exactly the one thing it gets wrong (expiry, issuer, audience), not for its signature.
 * The services behind the gateway point at a closed port: a request that passes authentication ends in 502.
 */
public class KeycloakWithTestKeyResource implements QuarkusTestResourceLifecycleManager {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevStack stack;

    @Override
    public Map<String, String> start() {
        stack = DevStack.builder().temporaryWorkDir("gateway-keycloak-").keycloak(0).start();
        String realmUrl = stack.oidcServerUrl().orElseThrow();
        KeyPair trusted = FakeUpstreamsResource.rsaKeys();
        String kid = addSigningKey(realmUrl, trusted);
        String nowhere = "http://127.0.0.1:" + closedPort();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", realmUrl);
        config.put("gateway.upstream.catalog", nowhere);
        config.put("gateway.upstream.localization", nowhere);
        config.put("gateway.upstream.billing", nowhere);
        config.put("gateway.resilience.read-retries", "0");
        config.put("test.jwt.private-key", Base64.getEncoder().encodeToString(trusted.getPrivate().getEncoded()));
        config.put("test.jwt.kid", kid);
        config.put("test.keycloak.realm-url", realmUrl);
        return config;
    }

    /** Adds the key through the admin API (bootstrap admin of the dev Keycloak) and returns the kid Keycloak gave it. */
    private static String addSigningKey(String realmUrl, KeyPair keys) {
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String admin = jsonField(post(base + "/realms/master/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))), "access_token");
        String realmId = jsonField(get(base + "/admin/realms/microdrama", admin), "id");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Map<String, Object> component = Map.of("name", "gateway-test-key", "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("-100"), "enabled", List.of("true"), "active", List.of("true"),
                        "algorithm", List.of("RS256"), "privateKey", List.of(pem)));
        try {
            post(base + "/admin/realms/microdrama/components", admin, "application/json", JSON.writeValueAsString(component));
            String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
            for (JsonNode key : JSON.readTree(get(base + "/admin/realms/microdrama/keys", admin)).get("keys")) {
                if (publicKey.equals(key.path("publicKey").asText())) {
                    return key.get("kid").asText();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("Keycloak did not list the added key");
    }

    private static String jsonField(String body, String field) {
        try {
            return JSON.readTree(body).get(field).asText();
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static String get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    private static String post(String url, String token, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
