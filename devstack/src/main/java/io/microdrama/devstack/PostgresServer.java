package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky embedded binaries) run from a guarded child JVM ({@link PostgresMain}), with
 * one database and one login role per service, each named after the service and with the same password.
 */
public final class PostgresServer implements AutoCloseable {

    static final String READY_LINE = "DEVSTACK POSTGRES READY";

    private final ChildProcess process;
    private final int port;
    private final Path dataDir;
    private final List<String> databases;

    private PostgresServer(ChildProcess process, int port, Path dataDir, List<String> databases) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.databases = List.copyOf(databases);
    }

    public static PostgresServer start(Path dataDir, int requestedPort, List<String> databases) {
        int port = Ports.requireFree(requestedPort, "PostgreSQL");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(BuildInfo.javaExecutable().toString(), "-Xmx128m",
                "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", BuildInfo.childClasspath(), PostgresMain.class.getName(),
                dataDir.resolve("pgdata").toString(), Integer.toString(port)));
        command.addAll(databases);
        ChildProcess process = ChildProcess.start("postgres", command, Map.of(), dataDir, dataDir.resolve("postgres.log"));
        process.awaitReady(() -> process.logContains(READY_LINE), Duration.ofMinutes(4));
        return new PostgresServer(process, port, dataDir, databases);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<String> databases() {
        return databases;
    }

    /**
     * Stops this server (SIGTERM: PostgreSQL's fast shutdown, open connections are cut) and starts a new one on the
     * same port and data directory, which keeps every database; returns the new server once it answers. Between the
     * two, {@code whileDown} runs (e.g. waiting a while). For the fault drills.
     */
    public PostgresServer restart(Runnable whileDown) {
        close();
        Ports.awaitFree(port, Duration.ofSeconds(30));
        whileDown.run();
        return start(dataDir, port, databases);
    }

    @Override
    public void close() {
        process.close();
    }
}
