package io.microdrama.deploy;

import io.microdrama.deploy.config.ServiceConfig;
import io.microdrama.deploy.config.ServiceConfig.Direction;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading application.properties the way the production profile sees it. */
class ServiceConfigTest {

    @Test
    void environmentVariablesWithAndWithoutDefaults() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                quarkus.application.name=demo-service
                a=${NO_DEFAULT}
                b=${WITH_DEFAULT:plain}
                c=${DB_URL:postgresql://127.0.0.1:5432/demo}
                d=${DB_PASSWORD:demo}
                e=${OUTER:${INNER:http://localhost:1}}
                f=${quarkus.application.name}
                """);
        Map<String, ServiceConfig.Requirement> required = new java.util.TreeMap<>();
        config.requiredEnv().forEach(r -> required.put(r.names(), r));
        assertThat(required).containsOnlyKeys("NO_DEFAULT", "DB_URL", "DB_PASSWORD", "OUTER or INNER");
        assertThat(required.get("NO_DEFAULT").reason()).isEqualTo("has no default");
        assertThat(required.get("DB_PASSWORD").reason()).contains("credential");
        assertThat(required.get("DB_URL").reason()).contains("loopback");
        assertThat(required.get("OUTER or INNER").satisfiedBy(java.util.Set.of("OUTER"))).isTrue();
        assertThat(required.get("OUTER or INNER").reason()).contains("loopback");
        assertThat(config.envUses()).extracting(ServiceConfig.EnvUse::name)
                .contains("WITH_DEFAULT", "OUTER").doesNotContain("quarkus.application.name");
    }

    @Test
    void loopbackIsFineWhereItIsNoAddressToConnectTo() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                quarkus.http.cors.origins=${CONSOLE_ORIGIN:http://localhost:3000}
                quarkus.http.proxy.trusted-proxies=${TRUSTED_PROXIES:127.0.0.1}
                upstream=${UPSTREAM_URL:http://127.0.0.1:8081}
                """);
        assertThat(config.requiredEnv()).extracting(ServiceConfig.Requirement::names).containsExactly("UPSTREAM_URL");
        assertThat(config.connectsTo("CONSOLE_ORIGIN")).isFalse();
        assertThat(config.connectsTo("UPSTREAM_URL")).isTrue();
        assertThat(config.connectsTo("KAFKA_SASL_MECHANISM")).as("read by no property: assumed an address").isTrue();
    }

    @Test
    void productionProfileWinsAndOtherProfilesAreIgnored() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                quarkus.http.port=${PORT:8081}
                %dev.quarkus.http.port=9999
                %prod.quarkus.shutdown.timeout=15s
                %test.x=${ONLY_IN_TESTS}
                """);
        assertThat(config.httpPort(Map.of())).isEqualTo(8081);
        assertThat(config.httpPort(Map.of("PORT", "8181"))).isEqualTo(8181);
        assertThat(config.shutdownTimeoutSeconds(Map.of())).isEqualTo(15);
        assertThat(config.requiredEnv()).noneMatch(r -> r.anyOf().contains("ONLY_IN_TESTS"));
    }

    @Test
    void managementInterfaceMovesHealth() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                quarkus.http.port=8081
                quarkus.management.enabled=true
                """);
        assertThat(config.httpPort(Map.of())).isEqualTo(8081);
        assertThat(config.healthPort(Map.of())).isEqualTo(9000);
    }

    @Test
    void kafkaChannelsWithQuarkusDefaults() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                quarkus.application.name=demo-service
                mp.messaging.outgoing.events.connector=smallrye-kafka
                mp.messaging.outgoing.events.topic=demo.events.v1
                mp.messaging.incoming.orders.connector=smallrye-kafka
                mp.messaging.incoming.orders.failure-strategy=dead-letter-queue
                mp.messaging.incoming.payments.topic=pay.v1
                mp.messaging.incoming.payments.group.id=payments-group
                mp.messaging.incoming.payments.failure-strategy=dead-letter-queue
                mp.messaging.incoming.payments.dead-letter-queue.topic=pay.v1.dlq.demo
                mp.messaging.outgoing.http.connector=quarkus-http
                """);
        assertThat(config.producedTopics()).containsExactlyInAnyOrder("demo.events.v1",
                "dead-letter-topic-orders", "pay.v1.dlq.demo");
        assertThat(config.consumedTopics()).containsExactlyInAnyOrder("orders", "pay.v1");
        assertThat(config.consumerGroups()).containsExactlyInAnyOrder("demo-service", "payments-group");
        assertThat(config.kafkaChannels()).noneMatch(c -> c.channel().equals("http"));
        assertThat(config.kafkaChannels()).filteredOn(c -> c.direction() == Direction.INCOMING)
                .allMatch(c -> c.unsupported().isEmpty());
    }

    @Test
    void failureStrategiesThatUseUnknownTopicsAreFlagged() {
        ServiceConfig config = ServiceConfig.parse("demo", """
                mp.messaging.incoming.orders.connector=smallrye-kafka
                mp.messaging.incoming.orders.failure-strategy=delayed-retry-topic
                """);
        assertThat(config.kafkaChannels().get(0).unsupported()).isNotEqualTo(Optional.empty());
    }

    @Test
    void theRealServicesAreFound() {
        assertThat(Platform.serviceModules()).extracting(p -> p.getFileName().toString())
                .contains("gateway", "catalog-service", "localization-service", "billing-service");
    }

    /** The services' shared lines live once in service-support; each service still sees them, and its own win. */
    @Test
    void everyServiceSeesTheSharedConfigurationAndItsOwnLinesWin() {
        for (String module : java.util.List.of("catalog-service", "localization-service", "billing-service")) {
            ServiceConfig config = ServiceConfig.load(Platform.root().resolve(module));
            assertThat(config.properties()).as(module)
                    .containsEntry("quarkus.datasource.db-kind", "postgresql")
                    .containsEntry("quarkus.flyway.locations", "db/migration,db/support")
                    .containsEntry("quarkus.oidc.token.audience", "microdrama-api")
                    .containsEntry("quarkus.http.auth.proactive", "false")
                    .containsEntry("quarkus.flyway.migrate-at-start", "true")
                    .containsKey("eventing.topic");
            assertThat(config.shutdownTimeoutSeconds(Map.of())).as(module).isEqualTo(20);
            assertThat(config.resolved("kafka.bootstrap.servers", Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093")))
                    .as(module).contains("kafka:9093");
            assertThat(config.producedTopics()).as(module).isNotEmpty();
            // Consumers wait out a database outage; SmallRye's 60 s unacknowledged-record check would fail them.
            assertThat(config.resolved("mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms",
                    Map.of())).as(module).contains("0");
        }
        ServiceConfig overridden = ServiceConfig.load(Platform.root().resolve("billing-service"),
                "quarkus.shutdown.timeout=45s\n");
        assertThat(overridden.shutdownTimeoutSeconds(Map.of())).isEqualTo(45);
        assertThat(ServiceConfig.load(Platform.root().resolve("gateway")).properties())
                .as("the gateway does not use service-support").doesNotContainKey("quarkus.flyway.locations");
    }
}
