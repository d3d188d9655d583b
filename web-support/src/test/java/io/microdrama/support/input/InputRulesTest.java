package io.microdrama.support.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.support.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's input rules (web-support README, "Input rules"), against the probe resource of the problem tests:
 * NUL and lone surrogates, storable instants, strict JSON, the JSON Content-Type, path tricks, oversized headers and
 * bodies. Raw requests through the JDK client, so that nothing is added, encoded or normalized on the way.
 */
@QuarkusTest
class InputRulesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"title\":\"Fate\",\"exclusive\":true,\"episodes\":[{\"number\":1,\"title\":\"One\"}]";

    record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
        Answer problem(int expected) {
            assertThat(status).as(raw.body()).isEqualTo(expected);
            assertThat(contentType).startsWith(Problem.MEDIA_TYPE);
            assertThat(body.path("status").asInt()).isEqualTo(expected);
            assertThat(body.path("detail").asText()).isNotBlank();
            return this;
        }

        String field() {
            return body.path("errors").path(0).path("field").asText();
        }
    }

    private static Answer send(String method, String rawPath, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + rawPath))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode parsed = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
        return new Answer(response.statusCode(), type, parsed, response);
    }

    private static Answer postJson(String body) throws IOException, InterruptedException {
        return send("POST", "/probe/dramas", "application/json", body);
    }

    @Test
    void aCleanRequestPasses() throws Exception {
        Answer answer = postJson(GOOD + ",\"validFrom\":\"2026-01-01T00:00:00Z\",\"effectiveFrom\":\"9999-12-31\","
                + "\"titles\":{\"ja\":\"運命 😀\"},\"free\":false}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(send("POST", "/probe/dramas", "application/json; charset=UTF-8", GOOD + "}").status()).isEqualTo(200);
        assertThat(send("GET", "/probe/dramas/abc-1?q=x%20y", null, null).raw().body()).isEqualTo("abc-1|x y");
    }

    @Test
    void nulInAPathSegmentOrQueryParameterIs400NamingIt() throws Exception {
        assertThat(send("GET", "/probe/dramas/a%00b", null, null).problem(400).field()).isEqualTo("id");
        assertThat(send("GET", "/probe/dramas/ab?q=%00", null, null).problem(400).field()).isEqualTo("q");
    }

    @Test
    void nulOrALoneSurrogateInAJsonStringIs400NamingTheField() throws Exception {
        Answer title = postJson("{\"title\":\"a\\u0000b\"}").problem(400);
        assertThat(title.field()).isEqualTo("title");
        assertThat(title.body().path("detail").asText()).contains("NUL");
        assertThat(postJson("{\"episodes\":[{\"number\":1,\"title\":\"\\u0000\"}]}").problem(400).field())
                .isEqualTo("episodes[0].title");
        assertThat(postJson("{\"title\":\"\\ud800\"}").problem(400).field()).isEqualTo("title");
        assertThat(postJson("{\"title\":\"x\\udc00\"}").problem(400).field()).isEqualTo("title");
        assertThat(postJson("{\"titles\":{\"ja\\u0000\":\"x\"}}").status()).isEqualTo(400);
    }

    @Test
    void instantsAndDatesOutsideYears1To9999Are422NamingTheField() throws Exception {
        Answer late = postJson("{\"validFrom\":\"+1000000000-01-01T00:00:00Z\"}").problem(422);
        assertThat(late.field()).isEqualTo("validFrom");
        assertThat(postJson("{\"validFrom\":\"-999999999-01-01T00:00:00Z\"}").problem(422).field()).isEqualTo("validFrom");
        assertThat(postJson("{\"validFrom\":\"0000-12-31T23:59:59Z\"}").problem(422).field()).isEqualTo("validFrom");
        assertThat(postJson("{\"effectiveFrom\":\"+10000-01-01\"}").problem(422).field()).isEqualTo("effectiveFrom");
        assertThat(postJson("{\"validFrom\":\"0001-01-01T00:00:00Z\",\"effectiveFrom\":\"0001-01-01\"}").status())
                .isEqualTo(200);
    }

    @Test
    void strictJsonRefusesDuplicatesAndCoercion() throws Exception {
        assertThat(postJson("{\"title\":\"a\",\"title\":\"b\"}").problem(400).body().path("detail").asText())
                .contains("Duplicate field 'title'");
        assertThat(postJson("{\"title\":12345}").problem(400).field()).isEqualTo("title");
        assertThat(postJson("{\"title\":true}").problem(400).field()).isEqualTo("title");
        assertThat(postJson("{\"exclusive\":\"\"}").problem(400).field()).isEqualTo("exclusive");
        assertThat(postJson("{\"free\":\"\"}").problem(400).field()).isEqualTo("free");
        assertThat(postJson("{\"exclusive\":\"true\"}").problem(400).field()).isEqualTo("exclusive");
        assertThat(postJson("{\"episodes\":[{\"number\":\"1\"}]}").problem(400).field()).isEqualTo("episodes[0].number");
        assertThat(postJson("{\"free\":1}").status()).isEqualTo(400);
    }

    @Test
    void aJsonBodyMustBeDeclaredApplicationJsonInUtf8() throws Exception {
        for (String type : new String[] { null, "*/*", "application/*", "application/json; charset=UTF-16",
                "application/json; charset=ebcdic", "application/json;charset=iso-8859-1" }) {
            Answer answer = send("POST", "/probe/dramas", type, GOOD + "}");
            assertThat(answer.status()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        }
        // An operation that takes any media type (a file upload) is not affected.
        assertThat(send("PUT", "/probe/files/a", null, "WEBVTT").status()).isEqualTo(200);
    }

    @Test
    void pathTricksAre400() throws Exception {
        for (String path : new String[] { "/probe/dramas;x=1", "/probe/dramas/abc;x=1", "/probe/x/../dramas",
                "/probe/%2e%2e/probe/dramas", "/probe/dramas/a%2Fb", "/probe/dramas/a%5cb", "/probe/dramas/%c3%28",
                "/probe/./dramas" }) {
            send("GET", path, null, null).problem(400);
        }
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8Is400() throws Exception {
        for (String query : new String[] { "q=%ED%A0%80", "q=%C3%28", "q=%C3", "%FF=1" }) {
            assertThat(send("GET", "/probe/dramas/ab?" + query, null, null).problem(400).body().path("detail").asText())
                    .as(query).contains("query");
        }
        assertThat(send("GET", "/probe/dramas/ab?q=%F0%9F%98%80", null, null).raw().body()).isEqualTo("ab|\uD83D\uDE00");
    }

    @Test
    void oversizedHeadersAre431AndDeclaredOversizedBodies413AsProblems() throws Exception {
        send("GET", "/probe/dramas", null, null, "X-Big", "x".repeat(64 * 1024)).problem(431);
        send("POST", "/probe/dramas", "application/json", "{\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").problem(413);
    }

    @Test
    void frameworkAnswersAreProblemsAnd405SaysWhatIsAllowed() throws Exception {
        Answer notAllowed = send("DELETE", "/probe/dramas", null, null).problem(405);
        assertThat(notAllowed.raw().headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        send("GET", "/nowhere", null, null).problem(404);
        send("GET", "/probe/dramas", null, null, "Accept", "text/csv").problem(406);
        send("POST", "/probe/dramas", "text/plain", "{}").problem(415);
        send("POST", "/probe/dramas", "application/json", "[[[]]]").problem(400);
        send("POST", "/probe/dramas", "application/json", "{\"episodes\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .problem(400);
    }

    @Test
    void aClientThatWentAwayIsNotAnError() throws Exception {
        Answer gone = send("GET", "/probe/gone", null, null).problem(499);
        assertThat(gone.body().path("detail").asText()).doesNotContain("reference");
    }
}
