package io.microdrama.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: real Kafka + PostgreSQL (+ Keycloak on request) for one service's tests.
 * <pre>
 * &#64;QuarkusTestResource(value = DevStackTestResource.class, initArgs = {
 *     &#64;ResourceArg(name = "database", value = "catalog"), &#64;ResourceArg(name = "keycloak", value = "true") })
 * </pre>
 * With {@code -Ddevstack.mode=devservices} (the Maven profile chosen when a Docker socket exists) nothing is
 * started and Quarkus Dev Services provide the infrastructure instead.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private boolean keycloak;
    private DevStack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        keycloak = Boolean.parseBoolean(initArgs.getOrDefault("keycloak", "false"));
    }

    @Override
    public Map<String, String> start() {
        if ("devservices".equals(System.getProperty("devstack.mode"))) {
            return Map.of();
        }
        DevStack.Builder builder = DevStack.builder().kafka(0).postgres(0, java.util.List.of(database));
        if (keycloak) {
            builder.keycloak(0);
        }
        stack = builder.start();
        Map<String, String> config = new HashMap<>();
        stack.kafkaBootstrapServers().ifPresent(servers -> config.put("kafka.bootstrap.servers", servers));
        stack.database(database).ifPresent(db -> {
            config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", db.username());
            config.put("quarkus.datasource.password", db.password());
        });
        stack.oidcServerUrl().ifPresent(url -> config.put("quarkus.oidc.auth-server-url", url));
        // For outage tests (KafkaOutage): where the broker lives, so a test can stop it and start it again.
        stack.kafkaBroker().ifPresent(broker -> {
            config.put(KafkaOutage.DATA_DIR, broker.dataDir().toString());
            config.put(KafkaOutage.PORT, Integer.toString(broker.port()));
            config.put(KafkaOutage.GUARD_PID, Long.toString(broker.process().pid()));
        });
        // For database outage tests (PostgresOutage): the same for the PostgreSQL server.
        stack.postgresServer().ifPresent(server -> {
            config.put(PostgresOutage.DATA_DIR, server.dataDir().toString());
            config.put(PostgresOutage.PORT, Integer.toString(server.port()));
            config.put(PostgresOutage.GUARD_PID, Long.toString(server.process().pid()));
            config.put(PostgresOutage.DATABASES, String.join(",", server.databases()));
        });
        return config;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
