package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka, PostgreSQL and Keycloak for tests and for running the platform locally, without Docker.
 * <p>
 * Each part is either started here as a guarded child process or taken from the environment, so a platform
 * engineer can point everything at their own infrastructure:
 * <ul>
 * <li>{@code KAFKA_BOOTSTRAP_SERVERS}: an existing Kafka cluster;</li>
 * <li>{@code DEVSTACK_POSTGRES_HOST} / {@code DEVSTACK_POSTGRES_PORT}: an existing PostgreSQL server, where each
 * service's database and role (name = password = service name) must exist;</li>
 * <li>{@code OIDC_SERVER_URL}: an existing realm URL (e.g. {@code https://sso.example.com/realms/microdrama}).</li>
 * </ul>
 */
public final class DevStack implements AutoCloseable {

    private final Optional<KafkaBroker> kafka;
    private final String kafkaBootstrapServers;
    private final Optional<PostgresServer> postgres;
    private final String postgresHost;
    private final int postgresPort;
    private final Optional<KeycloakServer> keycloak;
    private final String oidcServerUrl;
    private final Path workDir;

    private DevStack(Builder builder, Optional<KafkaBroker> kafka, Optional<PostgresServer> postgres,
            Optional<KeycloakServer> keycloak) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.workDir = builder.workDir;
        this.kafkaBootstrapServers = kafka.map(KafkaBroker::bootstrapServers).orElse(builder.env.get("KAFKA_BOOTSTRAP_SERVERS"));
        this.postgresHost = postgres.map(PostgresServer::host).orElse(builder.env.get("DEVSTACK_POSTGRES_HOST"));
        this.postgresPort = postgres.map(PostgresServer::port)
                .orElseGet(() -> Integer.parseInt(builder.env.getOrDefault("DEVSTACK_POSTGRES_PORT", "5432")));
        this.oidcServerUrl = keycloak.map(KeycloakServer::realmUrl).orElse(builder.env.get("OIDC_SERVER_URL"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> kafkaBootstrapServers() {
        return Optional.ofNullable(kafkaBootstrapServers);
    }

    /** The broker this stack started, if it started one (not when KAFKA_BOOTSTRAP_SERVERS names an existing one). */
    public Optional<KafkaBroker> kafkaBroker() {
        return kafka;
    }

    public Optional<Database> database(String name) {
        return postgresHost == null ? Optional.empty() : Optional.of(new Database(postgresHost, postgresPort, name));
    }

    public Optional<String> oidcServerUrl() {
        return Optional.ofNullable(oidcServerUrl);
    }

    public Path workDir() {
        return workDir;
    }

    /** The child processes this stack started (for liveness checks and log locations). */
    public List<ChildProcess> processes() {
        List<ChildProcess> all = new ArrayList<>();
        kafka.ifPresent(k -> all.add(k.process()));
        postgres.ifPresent(p -> all.add(p.process()));
        keycloak.ifPresent(k -> all.add(k.process()));
        return all;
    }

    @Override
    public void close() {
        // Reverse start order: clients of Kafka/PostgreSQL are gone by now.
        keycloak.ifPresent(KeycloakServer::close);
        postgres.ifPresent(PostgresServer::close);
        kafka.ifPresent(KafkaBroker::close);
    }

    /** One service's database: role and password are the database name (local development only). */
    public record Database(String host, int port, String name) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public String username() {
            return name;
        }

        public String password() {
            return name;
        }
    }

    public static final class Builder {
        private boolean kafka;
        private final List<String> databases = new ArrayList<>();
        private boolean keycloak;
        private int kafkaPort;
        private int postgresPort;
        private int keycloakPort;
        private Path workDir;
        private Map<String, String> env = System.getenv();

        public Builder kafka(int port) {
            this.kafka = true;
            this.kafkaPort = port;
            return this;
        }

        public Builder postgres(int port, List<String> databaseNames) {
            this.postgresPort = port;
            this.databases.addAll(databaseNames);
            return this;
        }

        public Builder keycloak(int port) {
            this.keycloak = true;
            this.keycloakPort = port;
            return this;
        }

        /** Where data and logs go; a persistent directory keeps data across starts. Default: a new temp dir. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** For tests of this class: the environment to read external endpoints from. */
        Builder environment(Map<String, String> environment) {
            this.env = Collections.unmodifiableMap(environment);
            return this;
        }

        public DevStack start() {
            try {
                if (workDir == null) {
                    workDir = Files.createTempDirectory("devstack-");
                }
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<AutoCloseable> started = new ArrayList<>();
            try {
                Optional<KafkaBroker> k = kafka && !env.containsKey("KAFKA_BOOTSTRAP_SERVERS")
                        ? Optional.of(track(started, startRetryingChosenPorts("Kafka", kafkaPort, workDir.resolve("kafka"),
                                dir -> KafkaBroker.start(dir, kafkaPort))))
                        : Optional.empty();
                Optional<PostgresServer> p = !databases.isEmpty() && !env.containsKey("DEVSTACK_POSTGRES_HOST")
                        ? Optional.of(track(started, startRetryingChosenPorts("PostgreSQL", postgresPort,
                                workDir.resolve("postgres"), dir -> PostgresServer.start(dir, postgresPort, databases))))
                        : Optional.empty();
                Optional<KeycloakServer> kc = keycloak && !env.containsKey("OIDC_SERVER_URL")
                        ? Optional.of(track(started, startRetryingChosenPorts("Keycloak", keycloakPort,
                                workDir.resolve("keycloak"), dir -> KeycloakServer.start(dir, keycloakPort))))
                        : Optional.empty();
                return new DevStack(this, k, p, kc);
            } catch (RuntimeException e) {
                Collections.reverse(started);
                for (AutoCloseable closeable : started) {
                    try {
                        closeable.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }

        /**
         * A port we choose ourselves (requested port 0) is free when chosen but may be taken by some other socket
         * before the server binds it; the server then exits at once. Such a start is tried again, on new ports and in
         * a new directory (Kafka's storage remembers its controller's address). A port the caller named is not.
         */
        static <T> T startRetryingChosenPorts(String what, int requestedPort, Path dir,
                java.util.function.Function<Path, T> start) {
            int attempts = requestedPort == 0 ? 3 : 1;
            for (int attempt = 1; ; attempt++) {
                Path attemptDir = attempt == 1 ? dir : dir.resolveSibling(dir.getFileName() + "-attempt" + attempt);
                try {
                    return start.apply(attemptDir);
                } catch (ChildProcess.ExitedDuringStartup e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                    System.err.println("devstack: " + what + " start attempt " + attempt + " of " + attempts
                            + " failed, trying again on new ports. " + e.getMessage());
                }
            }
        }

        private static <T extends AutoCloseable> T track(List<AutoCloseable> started, T component) {
            started.add(component);
            return component;
        }
    }
}
