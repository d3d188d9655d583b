package io.microdrama.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a guarded child process. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * A bounded heap that starts small, and the serial collector (no GC threads per core). Without {@code -Xms} the
     * JVM's initial heap is 1/64 of the machine's memory (all of the 384 MB here on 24 GB) and a service sat at
     * ~340 MB resident after start; with it, ~200 MB (catalog alone, README "Start-up times").
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx384m", "-XX:+UseSerialGC");

    /**
     * Added by the platform command, not by tests or benchmarks: only the C1 compiler. A developer's services start in
     * ~5.4 s instead of ~7.6 s each (catalog alone) and need less CPU while seven processes start on few cores; peak
     * throughput is lower, which the benchmarks, started without it, do not measure. {@code PLATFORM_JVM_OPTIONS}
     * adds options after these (later options win, e.g. {@code -XX:TieredStopAtLevel=4} for the full JIT).
     */
    static final List<String> PLATFORM_COMMAND_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private static final java.util.regex.Pattern STARTED_IN = java.util.regex.Pattern.compile("started in ([0-9.]+)s");

    private final String name;
    private final int port;
    private final ChildProcess process;
    private final Optional<ClassDataArchive> archive;

    private final long startedAt = System.nanoTime();
    private volatile double startToReadySeconds = Double.NaN;

    private ServiceProcess(String name, int port, ChildProcess process, Optional<ClassDataArchive> archive) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.archive = archive;
    }

    /**
     * Starts a service wired to the stack: database {@code database} (null for none), Kafka and OIDC from the stack,
     * plus {@code extraEnv}. Does not wait; call {@link #awaitReady(Duration)}.
     */
    public static ServiceProcess start(Path projectRoot, String module, int port, DevStack stack, String database,
            Map<String, String> extraEnv) {
        Wiring wiring = new Wiring(stack.kafkaBootstrapServers(), stack.oidcServerUrl(),
                database == null ? Optional.empty() : stack.database(database));
        return start(projectRoot, module, port, wiring, stack.workDir().resolve("logs"), extraEnv);
    }

    /** Starts a service with explicit endpoints, logging to {@code logDir/<module>.log}. Does not wait. */
    public static ServiceProcess start(Path projectRoot, String module, int port, Wiring wiring, Path logDir,
            Map<String, String> extraEnv) {
        return start(projectRoot, module, port, wiring, logDir, extraEnv, false);
    }

    /**
     * As above; for the {@code platformCommand}, its start-up settings too: {@link #PLATFORM_COMMAND_JVM_OPTIONS}, and
     * later starts map the classes this build's first start loaded (AppCDS, {@link ClassDataArchive}): the archive
     * sits beside the packaged jar, so a new build records a new one and {@code --fresh} data keeps it. Not for tests.
     */
    public static ServiceProcess start(Path projectRoot, String module, int port, Wiring wiring, Path logDir,
            Map<String, String> extraEnv, boolean platformCommand) {
        Path jar = runnerJar(projectRoot, module);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(module + " is not packaged (" + jar + "): run ./mvnw -DskipTests package");
        }
        int chosen = Ports.requireFree(port, module);
        Optional<ClassDataArchive> archive = platformCommand
                ? Optional.of(ClassDataArchive.at(jar.resolveSibling("platform-cds.jsa"), jar)) : Optional.empty();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(chosen));
        wiring.kafkaBootstrapServers().ifPresent(servers -> env.put("KAFKA_BOOTSTRAP_SERVERS", servers));
        wiring.oidcServerUrl().ifPresent(url -> env.put("OIDC_SERVER_URL", url));
        wiring.database().ifPresent(db -> {
            env.put("DB_REACTIVE_URL", db.reactiveUrl());
            env.put("DB_JDBC_URL", db.jdbcUrl());
            env.put("DB_USER", db.username());
            env.put("DB_PASSWORD", db.password());
        });
        env.putAll(extraEnv);
        List<String> command = new ArrayList<>();
        command.add(BuildInfo.javaExecutable().toString());
        command.addAll(JVM_OPTIONS);
        if (platformCommand) {
            command.addAll(PLATFORM_COMMAND_JVM_OPTIONS);
            String extra = System.getenv().getOrDefault("PLATFORM_JVM_OPTIONS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
        }
        archive.ifPresent(a -> command.addAll(a.jvmOptions()));
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.start(module, command, env, projectRoot.resolve(module),
                logDir.resolve(module + ".log"));
        return new ServiceProcess(module, chosen, process, archive);
    }

    private static Path runnerJar(Path projectRoot, String module) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where a service finds its infrastructure; an empty value leaves the service's own default. */
    public record Wiring(Optional<String> kafkaBootstrapServers, Optional<String> oidcServerUrl,
            Optional<DevStack.Database> database) {
    }

    public void awaitReady(Duration timeout) {
        process.awaitReady(this::ready, timeout);
        startToReadySeconds = (System.nanoTime() - startedAt) / 1e9;
    }

    /** From starting the JVM to the first successful readiness check (NaN before). */
    public double startToReadySeconds() {
        return startToReadySeconds;
    }

    /** What Quarkus itself reports in its log ("started in 1.234s"), if it did. */
    public Optional<String> quarkusStartedIn() {
        java.util.regex.Matcher started = STARTED_IN.matcher(process.output());
        return started.find() ? Optional.of(started.group(1)) : Optional.empty();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
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
        archive.ifPresent(a -> a.afterExit(process.stoppedGracefully()));
    }
}
