package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The studio's side of the platform API, through the gateway, with the studio's client-credentials token (renewed
 * before it expires). Rate-limit answers (429) and busy answers (503 with {@code Retry-After}: the gateway's turns
 * between studios, or an open breaker) are waited out as {@code Retry-After} says: the platform changes nothing
 * when it answers an error, so sending the same request again is safe.
 */
final class PlatformClient {

    record Answer(int status, JsonNode body, String etag) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String gateway;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    PlatformClient(ObjectMapper json, String gateway, String tokenUrl, String clientId, String clientSecret) {
        this.json = json;
        this.gateway = gateway.replaceAll("/+$", "");
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    Answer putDrama(String externalId, byte[] body, boolean republish) throws IOException, InterruptedException {
        return send("PUT", "/api/v1/studio/dramas/" + encode(externalId) + (republish ? "?republish=true" : ""),
                "application/json", body);
    }

    Answer publish(String externalId) throws IOException, InterruptedException {
        return send("POST", "/api/v1/studio/dramas/" + encode(externalId) + "/publish", null, null);
    }

    /** Every file of one language in one request (the body from {@link BulkRequests#body}). */
    Answer postSubtitles(String externalId, String language, byte[] body) throws IOException, InterruptedException {
        return send("POST", "/api/v1/studio/dramas/" + encode(externalId) + "/subtitles/" + encode(language),
                "application/json", body);
    }

    private Answer send(String method, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean busy = response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent();
            if ((response.statusCode() == 429 || busy) && attempt < 10) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(wait, 30))).toMillis());
                continue;
            }
            JsonNode parsed = response.body().length == 0 ? json.nullNode() : readOrText(response.body());
            return new Answer(response.statusCode(), parsed, response.headers().firstValue("ETag").orElse(null));
        }
    }

    private JsonNode readOrText(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AuthenticationException("Keycloak refused client '" + clientId + "' (HTTP " + response.statusCode()
                    + "): check --client-id and --client-secret");
        }
        JsonNode answer = json.readTree(response.body());
        token = answer.path("access_token").asText();
        // Renew a little early so a long upload never starts with a token about to expire.
        tokenExpires = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 30));
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static final class AuthenticationException extends RuntimeException {
        AuthenticationException(String message) {
            super(message);
        }
    }
}
