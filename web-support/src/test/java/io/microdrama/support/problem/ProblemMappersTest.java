package io.microdrama.support.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every framework error of Quarkus REST, answered as {@code application/problem+json} by the shared mappers, against
 * {@link ProbeResource}. No infrastructure: OIDC is switched off in the test configuration.
 */
@QuarkusTest
class ProblemMappersTest {

    private static Response assertProblem(Response response, int status, String title) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getString("type")).isEqualTo("about:blank");
        assertThat(response.jsonPath().getString("title")).isEqualTo(title);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        return response;
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/probe/dramas");
    }

    @Test
    void aWellFormedBodyPasses() {
        Response response = post("{\"title\":\"Fate\",\"exclusive\":true,\"episodes\":[{\"number\":1,\"title\":\"One\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("episodes[0].title")).isEqualTo("One");
    }

    @Test
    void malformedJsonIs400SayingWhereTheParserStopped() {
        Response response = assertProblem(post("{\"title\": \"Fate\", "), 400, "Bad Request");
        assertThat(response.jsonPath().getString("detail")).startsWith("The body is not valid JSON");
        assertProblem(post("{\"title\": nope}"), 400, "Bad Request");
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIs400NamingTheFieldButNoJavaType() {
        Response wrongField = assertProblem(post("{\"episodes\":\"x\"}"), 400, "Bad Request");
        assertThat(wrongField.jsonPath().getString("detail")).contains("episodes");
        assertThat(wrongField.jsonPath().getString("errors[0].field")).isEqualTo("episodes");
        Response nested = assertProblem(post("{\"episodes\":[{\"number\":\"one\"}]}"), 400, "Bad Request");
        assertThat(nested.jsonPath().getString("errors[0].field")).isEqualTo("episodes[0].number");
        for (String body : new String[] { "[[[]]]", "[]", "123", "\"text\"" }) {
            Response response = assertProblem(post(body), 400, "Bad Request");
            assertThat(response.asString()).as(body).doesNotContain("io.microdrama").doesNotContain("java.");
        }
    }

    @Test
    void absurdNestingIs400NotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertProblem(post("{\"episodes\":" + deep + "}"), 400, "Bad Request");
    }

    @Test
    void unknownPathIs404() {
        assertProblem(given().get("/nowhere/at/all"), 404, "Not Found");
        assertProblem(given().get("/probe/nowhere"), 404, "Not Found");
    }

    @Test
    void wrongMethodIs405() {
        Response response = assertProblem(given().delete("/probe/dramas"), 405, "Method Not Allowed");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, POST");
    }

    @Test
    void unacceptableAcceptIs406() {
        assertProblem(given().accept("text/csv").get("/probe/dramas"), 406, "Not Acceptable");
    }

    @Test
    void unsupportedContentTypeIs415() {
        assertProblem(given().contentType("text/plain").body("{}").post("/probe/dramas"), 415, "Unsupported Media Type");
    }

    @Test
    void aRefusalKeepsItsStatusAndDetail() {
        Response response = assertProblem(given().get("/probe/conflict"), 409, "Conflict");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("The drama changed meanwhile");
    }

    @Test
    void noCallerIs401WithTheBearerChallenge() {
        Response response = assertProblem(given().get("/probe/admin"), 401, "Unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theUnexpectedIs500WithAReferenceAndNothingInternal() {
        Response response = assertProblem(given().get("/probe/boom"), 500, "Internal Server Error");
        assertThat(response.jsonPath().getString("detail")).contains("quote reference").doesNotContain("db-internal");
        assertThat(response.asString()).doesNotContain("IllegalStateException").doesNotContain("at io.");
    }

    @Test
    void aDependencyOutOfReachIs503WithRetryAfterNot500() {
        Response response = assertProblem(given().get("/probe/unreachable"), 503, "Service Unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getString("detail")).contains("nothing was changed").doesNotContain("db-internal");
    }
}
