package io.microdrama.gateway;

import io.microdrama.gateway.api.WhoAmIResource;
import io.microdrama.gateway.domain.RouteTable;
import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.OpenApiDocument;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document and the gateway describe the same API: every route the gateway serves is documented and every
 * documented operation is served (RoutingTest then calls each one through to its service).
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class OpenApiDocumentTest {

    /** Routes of the gateway: the route table, plus the gateway's own JAX-RS resources besides the catch-all. */
    static List<String> servedOperations() {
        List<String> served = new ArrayList<>(RouteTable.ROUTES.stream().map(route -> route.method() + " " + route.path().text()).toList());
        for (Class<?> resource : List.of(WhoAmIResource.class)) {
            String base = resource.getAnnotation(Path.class).value();
            for (var method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add("GET " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        return served;
    }

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        List<String> documented = OpenApiDocument.operations().stream().map(Object::toString).toList();
        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(servedOperations());
    }

    @Test
    void everyOperationNamesTheServiceThatAnswersIt() {
        Map<String, String> services = Map.of("CATALOG", "catalog-service", "LOCALIZATION", "localization-service",
                "BILLING", "billing-service");
        for (var route : RouteTable.ROUTES) {
            OpenApiDocument.Operation operation = OpenApiDocument.operations().stream()
                    .filter(op -> op.toString().equals(route.toString())).findFirst().orElseThrow();
            String expected = route.aggregated() ? "gateway (catalog-service, localization-service, billing-service)"
                    : services.get(route.upstream().name());
            assertThat(operation.upstream()).as(route.toString()).isEqualTo(expected);
            assertThat(operation.anonymous()).as(route + " is anonymous exactly when the gateway lets it be")
                    .isEqualTo(route.access().isPublic());
        }
    }

    @Test
    void theServedDocumentIsTheHandWrittenOneAndSwaggerUiIsUp() {
        Response served = given().accept("application/json").get("/q/openapi?format=json");
        assertThat(served.statusCode()).isEqualTo(200);
        Map<String, Object> paths = served.jsonPath().getMap("paths");
        assertThat(paths.keySet()).containsExactlyInAnyOrderElementsOf(
                OpenApiDocument.operations().stream().map(OpenApiDocument.Operation::path).distinct().toList());
        assertThat(served.jsonPath().getString("info.title")).startsWith("Micro-drama platform");
        assertThat(given().get("/q/swagger-ui/").statusCode()).isEqualTo(200);
    }
}
