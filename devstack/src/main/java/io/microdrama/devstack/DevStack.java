package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private volatile Optional<PostgresServer> postgres;
    private final String postgresHost;
    private final int postgresPort;
    private final Optional<KeycloakServer> keycloak;
    private final String oidcServerUrl;
    private final Path workDir;
    private final boolean discardDataOnClose;

    private DevStack(Builder builder, Optional<KafkaBroker> kafka, Optional<PostgresServer> postgres,
            Optional<KeycloakServer> keycloak) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.workDir = builder.workDir;
        this.discardDataOnClose = builder.discardDataOnClose;
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

    /**
     * Stops the PostgreSQL server this stack started and starts it again on the same port and data (see
     * {@link PostgresServer#restart}); the services' connections break meanwhile and must reconnect on their own.
     */
    public synchronized void restartPostgres(Runnable whileDown) {
        PostgresServer server = postgres.orElseThrow(() -> new IllegalStateException("this stack started no PostgreSQL"));
        postgres = Optional.of(server.restart(whileDown));
    }

    /** The PostgreSQL server this stack started, if it started one (not when DEVSTACK_POSTGRES_HOST names one). */
    public Optional<PostgresServer> postgresServer() {
        return postgres;
    }

    /** The broker this stack started, if it started one (not when KAFKA_BOOTSTRAP_SERVERS names an existing one). */
    public Optional<KafkaBroker> kafkaBroker() {
        return kafka;
    }

    public Optional<Database> database(String name) {
        return postgresHost == null ? Optional.empty() : Optional.of(new Database(postgresHost, postgresPort, name));
    }

    private static Optional<Database> database(String name, Optional<PostgresServer> started, Map<String, String> env) {
        if (started.isPresent()) {
            return Optional.of(new Database(started.get().host(), started.get().port(), name));
        }
        String host = env.get("DEVSTACK_POSTGRES_HOST");
        return host == null ? Optional.empty()
                : Optional.of(new Database(host, Integer.parseInt(env.getOrDefault("DEVSTACK_POSTGRES_PORT", "5432")), name));
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
        if (discardDataOnClose) {
            discardData(workDir);
        }
    }

    /**
     * A temporary stack's data: Kafka's log segments, PostgreSQL's cluster and Keycloak's H2 files (a benchmark's
     * stack leaves well over a gigabyte). The logs stay, for reading after a failed test.
     */
    static final List<String> DATA_DIRS = List.of("kafka/kafka-logs", "postgres/pgdata", "keycloak/h2");

    private static void discardData(Path workDir) {
        for (String data : DATA_DIRS) {
            Path dir = workDir.resolve(data);
            if (!Files.exists(dir)) {
                continue;
            }
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("devstack: could not delete " + dir + ": " + e.getMessage());
            }
        }
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

    /**
     * A stack whose parts are starting in parallel. Each future completes when its part answers; {@link #await()}
     * gives the whole stack, {@link #close()} stops what started (a part still starting is stopped once it is up).
     */
    public static final class Starting implements AutoCloseable {
        private final Builder builder;
        private final CompletableFuture<Optional<KafkaBroker>> kafka;
        private final CompletableFuture<Optional<PostgresServer>> postgres;
        private final CompletableFuture<Optional<KeycloakServer>> keycloak;

        private Starting(Builder builder, CompletableFuture<Optional<KafkaBroker>> kafka,
                CompletableFuture<Optional<PostgresServer>> postgres, CompletableFuture<Optional<KeycloakServer>> keycloak) {
            this.builder = builder;
            this.kafka = kafka;
            this.postgres = postgres;
            this.keycloak = keycloak;
        }

        /** Completes when Kafka answers (at once for a broker named in the environment). */
        public CompletableFuture<Optional<String>> kafkaBootstrapServers() {
            return kafka.thenApply(k -> k.map(KafkaBroker::bootstrapServers)
                    .or(() -> Optional.ofNullable(builder.env.get("KAFKA_BOOTSTRAP_SERVERS"))));
        }

        /** Completes when the PostgreSQL server answers with every requested database and role created. */
        public CompletableFuture<Optional<Database>> database(String name) {
            return postgres.thenApply(p -> DevStack.database(name, p, builder.env));
        }

        /** Completes when the realm answers. */
        public CompletableFuture<Optional<String>> oidcServerUrl() {
            return keycloak.thenApply(k -> k.map(KeycloakServer::realmUrl)
                    .or(() -> Optional.ofNullable(builder.env.get("OIDC_SERVER_URL"))));
        }

        /**
         * The realm URL before Keycloak answers, when it is known in advance (a fixed port or one from the
         * environment): services that only check tokens can start with it, and connect on their first request.
         */
        public Optional<String> plannedOidcServerUrl() {
            if (builder.env.containsKey("OIDC_SERVER_URL")) {
                return Optional.of(builder.env.get("OIDC_SERVER_URL"));
            }
            return builder.keycloak && builder.keycloakPort != 0
                    ? Optional.of(KeycloakServer.realmUrl(builder.keycloakPort)) : Optional.empty();
        }

        public Path workDir() {
            return builder.workDir;
        }

        /** Waits until every part answers; the first failure stops the others and is thrown. */
        public DevStack await() {
            CompletableFuture<Object> firstFailure = new CompletableFuture<>();
            for (CompletableFuture<?> part : List.of(kafka, postgres, keycloak)) {
                part.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        firstFailure.completeExceptionally(failure);
                    }
                });
            }
            try {
                CompletableFuture.anyOf(CompletableFuture.allOf(kafka, postgres, keycloak), firstFailure).join();
            } catch (CompletionException e) {
                close();
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return new DevStack(builder, kafka.join(), postgres.join(), keycloak.join());
        }

        /** Stops the parts that are up now, Keycloak first; one still starting is stopped as soon as it is up. */
        @Override
        public void close() {
            for (CompletableFuture<? extends Optional<? extends AutoCloseable>> part : List.of(keycloak, postgres, kafka)) {
                if (part.isDone() && !part.isCompletedExceptionally()) {
                    part.join().ifPresent(Starting::closeQuietly);
                } else {
                    part.thenAccept(started -> started.ifPresent(Starting::closeQuietly));
                }
            }
        }

        private static void closeQuietly(AutoCloseable part) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("devstack: stopping " + part + " failed: " + e.getMessage());
            }
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
        private boolean discardDataOnClose;
        private boolean classDataSharing;
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

        /**
         * Keycloak's later starts map the classes its first start loaded ({@link ClassDataArchive}); for the platform
         * command, not for tests (parallel test JVMs would record the same archive at once).
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /** Where data and logs go; a persistent directory keeps data across starts. Default: a new temp dir. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            this.discardDataOnClose = false;
            return this;
        }

        /**
         * A new temporary directory named with {@code prefix}, like the default one: closing the stack deletes its
         * data and keeps its logs.
         */
        public Builder temporaryWorkDir(String prefix) {
            try {
                this.workDir = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.discardDataOnClose = true;
            return this;
        }

        /** For tests of this class: the environment to read external endpoints from. */
        Builder environment(Map<String, String> environment) {
            this.env = Collections.unmodifiableMap(environment);
            return this;
        }

        /** Starts the parts in parallel and waits until all are ready (or one failed: then nothing is left running). */
        public DevStack start() {
            return startInParallel(StartEvents.NONE).await();
        }

        /**
         * Starts Kafka, PostgreSQL and Keycloak at once, each on its own thread, and returns at once: each part's
         * future completes when it answers, so a caller can start what needs only Kafka and a database without
         * waiting for Keycloak. Parts named in the environment are not started and are ready at once.
         */
        public Starting startInParallel(StartEvents events) {
            try {
                if (workDir == null) {
                    workDir = Files.createTempDirectory("devstack-");
                    discardDataOnClose = true;
                }
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CompletableFuture<Optional<KafkaBroker>> k = kafka && !env.containsKey("KAFKA_BOOTSTRAP_SERVERS")
                    ? part(events, "Kafka", workDir.resolve("kafka").resolve("kafka.log"), broker -> broker.bootstrapServers(),
                            () -> startRetryingChosenPorts("Kafka", kafkaPort, workDir.resolve("kafka"),
                                    dir -> KafkaBroker.start(dir, kafkaPort)))
                    : CompletableFuture.completedFuture(Optional.empty());
            CompletableFuture<Optional<PostgresServer>> p = !databases.isEmpty() && !env.containsKey("DEVSTACK_POSTGRES_HOST")
                    ? part(events, "PostgreSQL", workDir.resolve("postgres").resolve("postgres.log"),
                            server -> server.host() + ":" + server.port() + ", databases " + String.join(", ", databases) + " exist",
                            () -> startRetryingChosenPorts("PostgreSQL", postgresPort, workDir.resolve("postgres"),
                                    dir -> PostgresServer.start(dir, postgresPort, databases)))
                    : CompletableFuture.completedFuture(Optional.empty());
            CompletableFuture<Optional<KeycloakServer>> kc = keycloak && !env.containsKey("OIDC_SERVER_URL")
                    ? part(events, "Keycloak", workDir.resolve("keycloak").resolve("keycloak.log"), KeycloakServer::realmUrl,
                            () -> startRetryingChosenPorts("Keycloak", keycloakPort, workDir.resolve("keycloak"),
                                    dir -> KeycloakServer.start(dir, keycloakPort, classDataSharing)))
                    : CompletableFuture.completedFuture(Optional.empty());
            return new Starting(this, k, p, kc);
        }

        private static <T> CompletableFuture<Optional<T>> part(StartEvents events, String name, Path log,
                Function<T, String> readyDetail, Supplier<T> start) {
            return CompletableFuture.supplyAsync(() -> {
                long begin = System.nanoTime();
                events.starting(name, "", log);
                try {
                    T part = start.get();
                    events.ready(name, (System.nanoTime() - begin) / 1e9, readyDetail.apply(part));
                    return Optional.of(part);
                } catch (RuntimeException e) {
                    events.failed(name, log, e);
                    throw e;
                }
            }, task -> {
                Thread thread = new Thread(task, "devstack-start-" + name);
                thread.setDaemon(true);
                thread.start();
            });
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
    }
}
