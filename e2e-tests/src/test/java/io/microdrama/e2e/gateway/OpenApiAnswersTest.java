package io.microdrama.e2e.gateway;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer check itself, on answers written by hand: it passes what the document describes and names the rest. */
class OpenApiAnswersTest {

    static final Optional<String> PROBLEM = Optional.of("application/problem+json");
    static final String FORBIDDEN = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"no\"}";

    final OpenApiAnswers document = OpenApiAnswers.ofGatewayDocument();

    @Test
    void aDocumentedProblemAnswerAgrees() {
        assertThat(document.check("GET", "/api/v1/admin/studios/aurora", 403, PROBLEM, FORBIDDEN)).isEmpty();
        assertThat(document.answeredOperations()).containsExactly("GET /api/v1/admin/studios/{studioId}");
    }

    @Test
    void aBodyThatBreaksTheSchemaIsNamed() {
        String statusAsText = FORBIDDEN.replace("403", "\"403\"");
        assertThat(document.check("GET", "/api/v1/admin/studios/aurora", 403, PROBLEM, statusAsText))
                .singleElement().asString().contains("GET /api/v1/admin/studios/aurora -> 403").contains("status");
        assertThat(document.check("GET", "/api/v1/admin/studios/aurora", 403, PROBLEM, "{\"title\":\"Forbidden\",\"status\":403}"))
                .singleElement().asString().contains("type");
    }

    @Test
    void aStatusOrContentTypeTheDocumentDoesNotNameIsNamed() {
        assertThat(document.check("GET", "/api/v1/admin/studios/aurora", 418, PROBLEM, FORBIDDEN))
                .singleElement().asString().contains("status 418 is not documented");
        assertThat(document.check("GET", "/api/v1/admin/studios/aurora", 403, Optional.of("text/html"), "<p>no</p>"))
                .singleElement().asString().contains("content type 'text/html'");
        assertThat(document.check("GET", "/api/v1/no/such/route", 404, PROBLEM, FORBIDDEN))
                .singleElement().asString().contains("no such operation");
        assertThat(document.disagreements()).hasSize(3);
    }

    @Test
    void aQueryStringDoesNotChangeTheOperation() {
        assertThat(document.check("GET", "/api/v1/storefront/GB/dramas?page=0&size=5", 400, PROBLEM,
                FORBIDDEN.replace("403", "400").replace("Forbidden", "Bad Request"))).isEmpty();
        assertThat(document.answeredOperations()).containsExactly("GET /api/v1/storefront/{region}/dramas");
        assertThat(document.operationCount()).isGreaterThan(30);
    }
}
