package io.microdrama.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the real infrastructure; these are the guarantees every other test relies on. */
class DevStackIT {

    /** Also: a temporary stack deletes its data when closed (a benchmark's leaves gigabytes) and keeps its logs. */
    @Test
    void kafkaPostgresAndKeycloakStartAndServeRealClients() throws Exception {
        Path work;
        try (DevStack stack = DevStack.builder().kafka(0).postgres(0, List.of("catalog")).keycloak(0)
                .temporaryWorkDir("devstack-it-").environment(Map.of()).start()) {
            work = stack.workDir();
            for (String data : DevStack.DATA_DIRS) {
                assertTrue(Files.isDirectory(work.resolve(data)), data + " holds the running stack's data");
            }
            int kafkaPort = Integer.parseInt(stack.kafkaBootstrapServers().orElseThrow().replaceAll(".*:", ""));
            assertTrue(Ports.isOpen(kafkaPort), "Kafka listens");

            DevStack.Database db = stack.database("catalog").orElseThrow();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                var result = connection.createStatement().executeQuery("select current_database(), current_user");
                result.next();
                assertEquals("catalog", result.getString(1), "the service's own database exists");
                assertEquals("catalog", result.getString(2), "and its own role owns the session");
            }

            KeycloakTokens tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
            String studioToken = tokens.clientCredentials("studio-aurora", "aurora-dev-secret");
            String claims = new String(Base64.getUrlDecoder().decode(studioToken.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"studio_id\":\"aurora\""), claims);
            assertTrue(claims.contains("\"studio\""), "studio role in token: " + claims);
            assertTrue(claims.contains("microdrama-api"), "audience in token: " + claims);

            String opsClaims = new String(Base64.getUrlDecoder().decode(tokens.password("ops-eu", "demo").split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertTrue(opsClaims.matches("(?s).*\"regions\":\\[[^]]*\"EU\".*"), "regions claim from the group: " + opsClaims);
        }
        for (String data : DevStack.DATA_DIRS) {
            assertFalse(Files.exists(work.resolve(data)), data + " is deleted with the stack");
        }
        for (String log : List.of("kafka/kafka.log", "postgres/postgres.log", "keycloak/keycloak.log")) {
            assertTrue(Files.size(work.resolve(log)) > 0, log + " is kept");
        }
    }

    @Test
    void externalEndpointsFromTheEnvironmentReplaceChildProcesses(@TempDir Path dir) {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                "DEVSTACK_POSTGRES_HOST", "db.example", "DEVSTACK_POSTGRES_PORT", "6543",
                "OIDC_SERVER_URL", "https://sso.example/realms/microdrama");
        try (DevStack stack = DevStack.builder().kafka(0).postgres(0, List.of("billing")).keycloak(0)
                .workDir(dir).environment(env).start()) {
            assertTrue(stack.processes().isEmpty(), "nothing started");
            assertEquals("kafka.example:9092", stack.kafkaBootstrapServers().orElseThrow());
            assertEquals("jdbc:postgresql://db.example:6543/billing", stack.database("billing").orElseThrow().jdbcUrl());
            assertEquals("https://sso.example/realms/microdrama", stack.oidcServerUrl().orElseThrow());
        }
    }

    @Test
    void brokerAndDatabaseDieWhenTheirParentIsKilled(@TempDir Path dir) throws Exception {
        Process holder = new ProcessBuilder(BuildInfo.javaExecutable().toString(), "-cp",
                System.getProperty("java.class.path"), StackHolderMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String ready = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("HOLDER READY")) {
                    ready = line;
                    break;
                }
            }
            assertTrue(ready != null, "holder started its stack");
            int kafkaPort = Integer.parseInt(ready.replaceAll(".*kafka=(\\d+).*", "$1"));
            int postgresPort = Integer.parseInt(ready.replaceAll(".*postgres=(\\d+).*", "$1"));
            assertTrue(Ports.isOpen(kafkaPort) && Ports.isOpen(postgresPort));

            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            holder.waitFor(10, TimeUnit.SECONDS);

            await("no orphaned broker or database").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !Ports.isOpen(kafkaPort) && !Ports.isOpen(postgresPort));
        } finally {
            holder.destroyForcibly();
        }
    }
}
