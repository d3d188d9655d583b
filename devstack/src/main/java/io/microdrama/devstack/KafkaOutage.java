package io.microdrama.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Takes the devstack Kafka broker of a test away and brings it back on the same port with the same data, to prove
 * that services keep answering and lose nothing while Kafka is down. Reads where the broker lives from the config
 * {@link DevStackTestResource} published. The restarted broker lives until the test JVM exits (its guard then stops it).
 */
public final class KafkaOutage {

    static final String DATA_DIR = "devstack.kafka.data-dir";
    static final String PORT = "devstack.kafka.port";
    static final String GUARD_PID = "devstack.kafka.guard-pid";

    private final Path dataDir;
    private final int port;
    private long guardPid;

    private KafkaOutage(Path dataDir, int port, long guardPid) {
        this.dataDir = dataDir;
        this.port = port;
        this.guardPid = guardPid;
    }

    /** One per broker port in this JVM: after a restart the published guard pid is stale, this instance is not. */
    private static final Map<Integer, KafkaOutage> BY_PORT = new ConcurrentHashMap<>();

    /**
     * The outage handle of the test's broker; every test class of a JVM gets the same one, so a class that runs after
     * another restarted the broker stops the broker that runs now. {@code config} looks up a test configuration
     * value, e.g. {@code key -> ConfigProvider.getConfig().getValue(key, String.class)}.
     */
    public static KafkaOutage of(Function<String, String> config) {
        int port = Integer.parseInt(config.apply(PORT));
        return BY_PORT.computeIfAbsent(port, ignored -> new KafkaOutage(Path.of(config.apply(DATA_DIR)), port,
                Long.parseLong(config.apply(GUARD_PID))));
    }

    /** Stops the broker (SIGTERM, as an orchestrator would) and waits until its process is gone. */
    public synchronized void stopBroker() {
        stop(false);
    }

    /**
     * Kills the broker (SIGKILL, as a crashed node or an out-of-memory kill) and waits until its process is gone.
     * Unlike {@link #stopBroker()}, nothing in flight gets answered during a controlled shutdown: what a client had sent
     * and not yet had acknowledged fails.
     */
    public synchronized void killBroker() {
        stop(true);
    }

    private void stop(boolean kill) {
        ProcessHandle guard = ProcessHandle.of(guardPid)
                .orElseThrow(() -> new IllegalStateException("The Kafka broker (guard pid " + guardPid + ") is not running"));
        guard.descendants().forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        CompletableFuture<ProcessHandle> exited = guard.onExit();
        try {
            exited.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            guard.descendants().forEach(ProcessHandle::destroyForcibly);
            guard.destroyForcibly();
        }
        Ports.awaitFree(port, Duration.ofSeconds(30));
    }

    /** Starts the broker again on the same port and data directory. */
    public synchronized void startBroker() {
        KafkaBroker broker = KafkaBroker.start(dataDir, port);
        guardPid = broker.process().pid();
    }
}
