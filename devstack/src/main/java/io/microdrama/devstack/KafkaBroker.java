package io.microdrama.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Kafka 4 broker in KRaft mode (broker + controller), run as a guarded child JVM.
 * <p>
 * The broker runs with the C1 compiler only, which starts it faster and spends less CPU compiling during a test run or
 * the first minutes of the platform. Under sustained load C1 code costs more CPU per request than the full JIT a
 * production broker runs with; {@code DEVSTACK_KAFKA_JVM_OPTIONS} (space-separated, after the defaults, so later
 * options win) changes it, e.g. {@code -XX:TieredStopAtLevel=4} for the full JIT, as the benchmarks use.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Options added to the broker's JVM after the defaults; read at every start, so a restarted broker keeps them. */
    public static final String JVM_OPTIONS_ENV = "DEVSTACK_KAFKA_JVM_OPTIONS";

    private final ChildProcess process;
    private final int port;
    private final Path dataDir;

    private KafkaBroker(ChildProcess process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static KafkaBroker start(Path dataDir, int requestedPort) {
        int port = Ports.requireFree(requestedPort, "Kafka");
        int controllerPort = Ports.free();
        while (controllerPort == port) {
            controllerPort = Ports.free();
        }
        try {
            Path logDir = dataDir.resolve("kafka-logs");
            boolean formatted = Files.exists(logDir.resolve("meta.properties"));
            Files.createDirectories(logDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(logDir, port, controllerPort));
            Path log = dataDir.resolve("kafka.log");
            Map<String, String> env = Map.of();
            if (!formatted) {
                ChildProcess.runToCompletion("kafka-storage-format",
                        javaCommand(List.of(), "kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId(),
                                "-c", config.toString()),
                        env, dataDir, dataDir.resolve("kafka-format.log"), Duration.ofMinutes(2));
            }
            ChildProcess process = ChildProcess.start("kafka", brokerCommand(config), env, dataDir, log);
            process.awaitReady(() -> process.logContains("Kafka Server started"), Duration.ofMinutes(4));
            return new KafkaBroker(process, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Where the broker keeps its log and configuration; starting again on it keeps topics and offsets. */
    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    /**
     * Freezes the broker's JVM (SIGSTOP): its sockets stay open but nothing answers, as in a long GC pause, a hung
     * host or a network partition, not a clean shutdown. {@link #resume()} (SIGCONT) lets it carry on where it was.
     */
    public void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} broker run again. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        long pid = process.commandPid().orElseThrow(() -> new IllegalStateException("the Kafka broker is not running"));
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    /** The broker's command line: the defaults, then {@link #extraJvmOptions()}, so an option given there wins. */
    static List<String> brokerCommand(Path config) {
        return javaCommand(extraJvmOptions(), "kafka.Kafka", config.toString());
    }

    /** From {@link #JVM_OPTIONS_ENV}, or the system property {@code devstack.kafka.jvm-options} (a benchmark's default). */
    static List<String> extraJvmOptions() {
        String options = System.getenv(JVM_OPTIONS_ENV);
        if (options == null || options.isBlank()) {
            options = System.getProperty("devstack.kafka.jvm-options", "");
        }
        return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static List<String> javaCommand(List<String> extraJvmOptions, String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(BuildInfo.javaExecutable().toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                // Kafka's own request/state loggers are very chatty at INFO.
                "-Dorg.slf4j.simpleLogger.log.kafka.request=warn", "-Dorg.slf4j.simpleLogger.log.state.change=warn"));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", BuildInfo.childClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A KRaft cluster id: 16 random bytes in URL-safe base64 without padding. One that starts with '-' is drawn
     * again (as Kafka's own {@code Uuid.randomUuid} does): the storage tool would read it as an option and fail,
     * which it did here about once in 64 starts.
     */
    static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    private static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "") ;
    }
}
