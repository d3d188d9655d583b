package io.microdrama.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a guarded child process. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a service wired to the stack: database {@code database} (null for none), Kafka and OIDC from the stack,
     * plus {@code extraEnv}. Does not wait; call {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(Path projectRoot, String module, int port, DevStack stack, String database,
            Map<String, String> extraEnv) {
        Path jar = projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(module + " is not packaged (" + jar + "): run ./mvnw -DskipTests package");
        }
        int chosen = Ports.requireFree(port, module);
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(chosen));
        stack.kafkaBootstrapServers().ifPresent(servers -> env.put("KAFKA_BOOTSTRAP_SERVERS", servers));
        stack.oidcServerUrl().ifPresent(url -> env.put("OIDC_SERVER_URL", url));
        if (database != null) {
            stack.database(database).ifPresent(db -> {
                env.put("DB_REACTIVE_URL", db.reactiveUrl());
                env.put("DB_JDBC_URL", db.jdbcUrl());
                env.put("DB_USER", db.username());
                env.put("DB_PASSWORD", db.password());
            });
        }
        env.putAll(extraEnv);
        ChildProcess process = ChildProcess.start(module, List.of(BuildInfo.javaExecutable().toString(), "-Xmx384m",
                "-XX:+UseSerialGC", "-jar", jar.toString()), env, projectRoot.resolve(module),
                stack.workDir().resolve("logs").resolve(module + ".log"));
        return new ServiceProcess(module, chosen, process);
    }

    public void awaitReady(Duration timeout) {
        process.awaitReady(this::ready, timeout);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public ChildProcess process() {
        return process;
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Graceful stop (SIGTERM through the guard), escalating only if the service hangs. */
    @Override
    public void close() {
        process.close();
    }
}
