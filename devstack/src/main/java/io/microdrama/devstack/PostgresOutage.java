package io.microdrama.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Takes the devstack PostgreSQL of a test away and brings it back on the same port with the same data (every
 * database kept), to prove that a database restart loses no event. Reads where the server lives from the config
 * {@link DevStackTestResource} published, as {@link KafkaOutage} does for the broker. The restarted server lives until
 * the test JVM exits (its guard then stops it).
 */
public final class PostgresOutage {

    static final String DATA_DIR = "devstack.postgres.data-dir";
    static final String PORT = "devstack.postgres.port";
    static final String GUARD_PID = "devstack.postgres.guard-pid";
    static final String DATABASES = "devstack.postgres.databases";

    private static final Map<Integer, PostgresOutage> BY_PORT = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final int port;
    private final List<String> databases;
    private long guardPid;

    private PostgresOutage(Path dataDir, int port, List<String> databases, long guardPid) {
        this.dataDir = dataDir;
        this.port = port;
        this.databases = databases;
        this.guardPid = guardPid;
    }

    /** The outage handle of the test's server; {@code config} looks up a test configuration value. */
    public static PostgresOutage of(Function<String, String> config) {
        int port = Integer.parseInt(config.apply(PORT));
        return BY_PORT.computeIfAbsent(port, ignored -> new PostgresOutage(Path.of(config.apply(DATA_DIR)), port,
                List.of(config.apply(DATABASES).split(",")), Long.parseLong(config.apply(GUARD_PID))));
    }

    /** Stops the server (SIGTERM: PostgreSQL's fast shutdown, open connections cut) and waits until its port is free. */
    public synchronized void stopServer() {
        ProcessHandle guard = ProcessHandle.of(guardPid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL (guard pid " + guardPid + ") is not running"));
        guard.descendants().forEach(ProcessHandle::destroy);
        try {
            guard.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            guard.descendants().forEach(ProcessHandle::destroyForcibly);
            guard.destroyForcibly();
        }
        Ports.awaitFree(port, Duration.ofSeconds(30));
    }

    /** Starts the server again on the same port and data directory; returns once it answers. */
    public synchronized void startServer() {
        guardPid = PostgresServer.start(dataDir, port, databases).process().pid();
    }
}
