package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.compose.ComposeChecks;
import io.microdrama.deploy.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/compose/compose.yaml: passes the compose checks, and each check fails on a broken copy. */
class ComposeTest {

    private static final List<ServiceConfig> SERVICES =
            Platform.serviceModules().stream().map(ServiceConfig::load).toList();

    private static List<String> problemsAfter(Consumer<ObjectNode> change) {
        ObjectNode compose = (ObjectNode) ComposeChecks.load().deepCopy();
        change.accept(compose);
        return ComposeChecks.run(compose, SERVICES);
    }

    private static ObjectNode service(ObjectNode compose, String name) {
        return (ObjectNode) compose.path("services").path(name);
    }

    private static void assertReports(List<String> problems, String... fragments) {
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(fragments));
    }

    @Test
    void composeFileStartsInOrderByItself() {
        assertThat(ComposeChecks.run(ComposeChecks.load(), SERVICES)).isEmpty();
    }

    @Test
    void everyPlatformServiceIsInCompose() {
        JsonNode services = ComposeChecks.load().path("services");
        assertThat(SERVICES).isNotEmpty().allSatisfy(s -> assertThat(services.has(s.applicationName())).isTrue());
    }

    @Test
    void dependencyWithoutHealthcheck() {
        assertReports(problemsAfter(c -> service(c, "postgres").remove("healthcheck")),
                "postgres: no healthcheck");
    }

    @Test
    void dependencyWithoutCondition() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "gateway").path("depends_on").path("keycloak"))
                .put("condition", "service_started")), "gateway depends on keycloak without condition");
    }

    @Test
    void addressOfAServiceThatIsNotADependency() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "billing-service").path("depends_on")).remove("postgres")),
                "billing-service does not depend on postgres");
    }

    @Test
    void addressOnAPortNobodyListensOn() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "gateway").path("environment"))
                .put("CATALOG_URL", "http://catalog-service:8080")), "catalog-service listens on [8081], not 8080");
    }

    @Test
    void requiredVariableMissing() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "localization-service").path("environment"))
                .remove("OIDC_SERVER_URL")), "localization-service does not set OIDC_SERVER_URL");
    }

    @Test
    void loopbackAddressInsideAContainer() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "catalog-service").path("environment"))
                .put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")), "points at the container itself");
    }

    @Test
    void healthcheckOnTheWrongPort() {
        assertReports(problemsAfter(c -> {
            ObjectNode health = (ObjectNode) service(c, "billing-service").path("healthcheck");
            health.putArray("test").add("CMD").add("bash").add("-c")
                    .add("exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3");
        }), "billing-service: healthcheck probes port 8080 but the service listens on 8083");
    }

    @Test
    void topicNotCreated() {
        assertReports(problemsAfter(c -> {
            ObjectNode topics = service(c, "kafka-topics");
            topics.putArray("command").add(topics.path("command").toString().replace("catalog.drama.v1.dlq.billing", ""));
        }), "topic catalog.drama.v1.dlq.billing is used by a service but no compose service creates it");
    }

    @Test
    void realmFileNotMounted() {
        assertReports(problemsAfter(c -> service(c, "keycloak").putArray("volumes")),
                "keycloak does not mount deploy/keycloak/microdrama-realm.json");
    }

    @Test
    void builtFromAnotherDockerfile() {
        assertReports(problemsAfter(c -> ((ObjectNode) service(c, "gateway").path("build"))
                .put("dockerfile", "src/main/docker/Dockerfile.jvm")), "gateway: build dockerfile");
    }
}
