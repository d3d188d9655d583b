package io.microdrama.bench.eventpath;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.microdrama.bench.HttpLoad;
import io.microdrama.bench.KafkaClients;
import io.microdrama.bench.relay.RelayBenchmark;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.ReadinessChanged;
import io.microdrama.devstack.ChildProcess;
import io.microdrama.devstack.DevStack;
import io.microdrama.devstack.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17 asks whether localization's and billing's answers should stay one event per (drama, region), as contract
 * v1 has them, or become one event per drama version carrying every region (a "v2"), and to decide by measuring. This
 * measures the part of the path the shape changes, with both shapes through the same parts: the answering service's
 * transaction appending the outbox rows (here plain JDBC, one transaction per drama), the real outbox relay (the
 * packaged catalog-service's, which sends any topic its outbox rows name; localization and billing run the same
 * {@code OutboxRelay}), the broker, and a consumer doing what catalog's answer channels do per poll before the answers
 * are applied: decode every record, insert every record's inbox row in one statement, commit (ADR 0006). What follows
 * (locking and updating the drama's rollout rows, one per region) is the same in both shapes and is left out.
 * <p>
 * v1 records are real {@link ReadinessChanged} events; the v2 shape ({@link ReadinessOfVersion}) is a prototype defined
 * here only. For each regions-per-drama count in {@code --regions}:
 * <ol>
 *   <li>throughput: {@code --answers} answers committed back to back, one transaction per drama; first commit → the
 *       consumer has every answer in its inbox; answers/s and CPU per 1 000 answers of every part (the writer and the
 *       consumer threads of this JVM; catalog's JVM, which runs the relay; PostgreSQL; Kafka). Two runs per shape,
 *       alternating.</li>
 *   <li>latency: {@code --rate} dramas/s for {@code --seconds} s, open loop; a drama's commit → the consumer has all
 *       its regions' answers in its inbox (p50, p99, max).</li>
 * </ol>
 * The baseline of the relay's goal runs in the same session: a raw producer ({@code acks=all}, idempotent, pipelined)
 * sending the v1 records. Options: --root, --regions (default 10,47,200), --answers (20000), --rate (20), --seconds (15),
 * --catalog-java-options (JAVA_TOOL_OPTIONS of catalog's JVM only).
 */
public final class AnswerShapeBenchmark {

    /** One region's readiness inside the v2 prototype: v1's fields less those the event carries once. */
    record RegionReadiness(String region, boolean ready, List<String> requiredLanguages, List<String> missingLanguages,
            List<String> availableLanguages) {
    }

    /** The v2 prototype: the readiness of every licensed region of one drama version, in one event. */
    record ReadinessOfVersion(String dramaId, long dramaVersion, List<RegionReadiness> regions, Instant changedAt) {
    }

    enum Shape {
        PER_REGION("v1: one event per region"), PER_VERSION("v2: one event per drama version");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    private static final String OUTBOX_INSERT = "insert into outbox_event (id, aggregatetype, aggregateid, type, \"timestamp\","
            + " payload, topic) values (?, 'drama', ?, ?, clock_timestamp(), ?, ?)";
    private static final String[] LOCAL_LANGUAGES = {"es", "pt-BR", "fr", "de", "ja", "ko", "id", "th", "ar", "tr", "it", "vi"};
    private static final List<String> REGIONS = Arrays.stream(Locale.getISOCountries()).toList();

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String kafka;
    private final Connection writerDb;
    private final DevStack.Database database;
    private final CpuMeter cpu;
    private int topicSequence;

    private AnswerShapeBenchmark(String kafka, Connection writerDb, DevStack.Database database, CpuMeter cpu) {
        this.kafka = kafka;
        this.writerDb = writerDb;
        this.database = database;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath();
        List<Integer> regionCounts = Arrays.stream(options.getOrDefault("regions", "10,47,200").split(","))
                .map(Integer::parseInt).toList();
        int answers = Integer.parseInt(options.getOrDefault("answers", "20000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));

        System.out.printf("Answer shape benchmark, load average %s%n", HttpLoad.loadAverage());
        try (DevStack stack = DevStack.builder().kafka(0).postgres(0, List.of("catalog")).start()) {
            String kafka = stack.kafkaBootstrapServers().orElseThrow();
            DevStack.Database database = stack.database("catalog").orElseThrow();
            Map<String, String> catalogEnv = new HashMap<>(Map.of("QUARKUS_OIDC_TENANT_ENABLED", "false"));
            if (options.containsKey("catalog-java-options")) { // e.g. a flight recording of catalog alone
                catalogEnv.put("JAVA_TOOL_OPTIONS", options.get("catalog-java-options"));
            }
            try (ServiceProcess catalog = ServiceProcess.start(root, "catalog-service", 0, stack, "catalog", catalogEnv);
                    Connection writerDb = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
                catalog.awaitReady(Duration.ofMinutes(3));
                long pid = catalog.process().pid();
                List<ChildProcess> processes = new ArrayList<>(stack.processes());
                processes.add(catalog.process());
                writerDb.setAutoCommit(false);
                AnswerShapeBenchmark bench = new AnswerShapeBenchmark(kafka, writerDb, database, new CpuMeter(processes));

                // Warm-up of every path (JIT, connections, topic metadata), not reported. Catalog's JVM has just started:
                // with a short warm-up its CPU figures are mostly the JIT compiler's (14 000 compilations in one minute).
                for (int regions : List.of(10, 47)) {
                    for (Shape shape : Shape.values()) {
                        bench.throughput(regions, shape, answers);
                    }
                    bench.intoCatalog(regions, answers);
                }
                String v1Sample = bench.json.writeValueAsString(bench.perRegion(UUID.randomUUID(), 0));
                RelayBenchmark.rawProducerThroughput(kafka, "bench.answers.raw.warmup", Math.min(answers, 5000), 200, v1Sample);
                double raw = RelayBenchmark.rawProducerThroughput(kafka, "bench.answers.raw", answers, 200, v1Sample);
                System.out.printf("%nRaw producer, %d v1 records of %d bytes over 200 keys: %,.0f records/s%n", answers,
                        v1Sample.length(), raw);

                for (int regions : regionCounts) {
                    int total = answers / regions * regions;
                    System.out.printf("%n%d regions per drama: %d answers (%d dramas) committed back to back, one transaction"
                            + " per drama; then %d dramas/s for %d s%n", regions, total, total / regions, rate, seconds);
                    Map<Shape, List<Run>> runs = new HashMap<>();
                    for (int round = 0; round < 2; round++) {
                        for (Shape shape : Shape.values()) {
                            runs.computeIfAbsent(shape, s -> new ArrayList<>()).add(bench.throughput(regions, shape, total));
                        }
                    }
                    Run intoCatalog = bench.intoCatalog(regions, total);
                    for (Shape shape : Shape.values()) {
                        List<Run> two = runs.get(shape);
                        System.out.printf("  %-32s throughput %,8.0f / %,8.0f answers/s; %s; %s%n", shape.label,
                                two.get(0).answersPerSecond(), two.get(1).answersPerSecond(), two.get(1).perAnswer(),
                                two.get(1).cpuPerThousandAnswers());
                    }
                    System.out.printf("  %-32s throughput %,8.0f answers/s; %s%n", "v1 into catalog's own channel",
                            intoCatalog.answersPerSecond(), intoCatalog.cpuPerThousandAnswers());
                    for (Shape shape : Shape.values()) {
                        Run latency = bench.latency(regions, shape, rate, seconds);
                        System.out.printf("  %-32s at %d dramas/s: commit -> every region's answer in the inbox %s; %s%n",
                                shape.label, rate, latency.latency(), latency.coresBusy());
                    }
                    System.out.printf("  answers/s of the path / records/s of the raw producer: v1 %.3f, v2 %.3f; catalog RSS %d MiB%n",
                            runs.get(Shape.PER_REGION).get(1).answersPerSecond() / raw,
                            runs.get(Shape.PER_VERSION).get(1).answersPerSecond() / raw, HttpLoad.rssMiB(pid));
                }
            }
        }
    }

    /** Commits {@code answers} answers, one transaction per drama, as fast as the writer goes. */
    Run throughput(int regions, Shape shape, int answers) throws Exception {
        return run(regions, shape, answers / regions, 0);
    }

    /** One drama's answers per transaction at {@code rate} dramas/s for {@code seconds} s. */
    Run latency(int regions, Shape shape, int rate, int seconds) throws Exception {
        return run(regions, shape, rate * seconds, rate);
    }

    private Run run(int regions, Shape shape, int dramas, int rate) throws Exception {
        String topic = "bench.answers." + shape.name().toLowerCase(Locale.ROOT) + "." + regions + "." + (topicSequence++);
        try (Reader reader = new Reader(topic, regions, shape, dramas)) {
            reader.awaitAssigned();
            cpu.start();
            long writerCpuStart = currentThreadCpuNanos();
            long start = System.nanoTime();
            try (PreparedStatement insert = writerDb.prepareStatement(OUTBOX_INSERT)) {
                for (int i = 0; i < dramas; i++) {
                    if (rate > 0) {
                        long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    UUID dramaId = UUID.randomUUID();
                    if (shape == Shape.PER_REGION) {
                        addPerRegion(insert, dramaId, regions, topic);
                    } else {
                        addRow(insert, dramaId, "bench.readiness.of-version", json.writeValueAsString(perVersion(dramaId, regions)), topic);
                    }
                    insert.executeBatch();
                    // Timed from just before the commit: a drama answered faster than commit() returns still counts.
                    reader.committedAt.put(dramaId.toString(), System.nanoTime());
                    writerDb.commit();
                }
            }
            long writerCpu = currentThreadCpuNanos() - writerCpuStart;
            reader.awaitAll(Duration.ofMinutes(10));
            Map<String, Double> cpuSeconds = cpu.secondsSinceStart();
            return new Run(dramas * regions, reader.records, reader.bytes, (reader.lastAnswerNanos - start) / 1e9,
                    writerCpu / 1e9, cpuSeconds, reader.cpuNanos / 1e9, reader.latencies());
        }
    }

    /**
     * v1 answers into catalog's real answer channel ({@code localization.readiness.v1}) instead of this benchmark's reader:
     * SmallRye's batch, tracing, the inbox statement and the rollout lock query; the dramas are unknown to catalog, so
     * nothing is applied after (as the reader applies nothing). Done when catalog's inbox holds every answer.
     */
    Run intoCatalog(int regions, int answers) throws Exception {
        int dramas = answers / regions;
        long before = catalogInboxRows();
        cpu.start();
        long writerCpuStart = currentThreadCpuNanos();
        long start = System.nanoTime();
        try (PreparedStatement insert = writerDb.prepareStatement(OUTBOX_INSERT)) {
            for (int i = 0; i < dramas; i++) {
                addPerRegion(insert, UUID.randomUUID(), regions, Topics.LOCALIZATION_READINESS);
                insert.executeBatch();
                writerDb.commit();
            }
        }
        long writerCpu = currentThreadCpuNanos() - writerCpuStart;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (catalogInboxRows() < before + (long) dramas * regions) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalog did not read " + answers + " answers within 10 minutes");
            }
            Thread.sleep(10);
        }
        long end = System.nanoTime();
        return new Run(dramas * regions, dramas * regions, 0, (end - start) / 1e9, writerCpu / 1e9, cpu.secondsSinceStart(), 0,
                new long[0]);
    }

    private long catalogInboxRows() throws Exception {
        try (PreparedStatement count = writerDb.prepareStatement("select count(*) from inbox_message where consumer = ?")) {
            count.setString(1, "catalog.localization-readiness");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                long rows = result.getLong(1);
                writerDb.commit();
                return rows;
            }
        }
    }

    ReadinessChanged perRegion(UUID dramaId, int region) {
        List<String> languages = languages(region);
        return new ReadinessChanged(dramaId.toString(), 1, REGIONS.get(region % REGIONS.size()), true, languages, List.of(),
                languages, Instant.now());
    }

    private ReadinessOfVersion perVersion(UUID dramaId, int regions) {
        List<RegionReadiness> all = new ArrayList<>(regions);
        for (int r = 0; r < regions; r++) {
            List<String> languages = languages(r);
            all.add(new RegionReadiness(REGIONS.get(r % REGIONS.size()), true, languages, List.of(), languages));
        }
        return new ReadinessOfVersion(dramaId.toString(), 1, all, Instant.now());
    }

    private static List<String> languages(int region) {
        return List.of("en", LOCAL_LANGUAGES[region % LOCAL_LANGUAGES.length]);
    }

    /** One drama's v1 answers: a ReadinessChanged row per region. */
    private void addPerRegion(PreparedStatement insert, UUID dramaId, int regions, String topic) throws Exception {
        for (int r = 0; r < regions; r++) {
            addRow(insert, dramaId, CloudEventTypes.READINESS_CHANGED, json.writeValueAsString(perRegion(dramaId, r)), topic);
        }
    }

    private static void addRow(PreparedStatement insert, UUID dramaId, String type, String payload, String topic) throws Exception {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, dramaId.toString());
        insert.setString(3, type);
        insert.setString(4, payload);
        insert.setString(5, topic);
        insert.addBatch();
    }

    private static long currentThreadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * What catalog's answer channels do with a poll before applying it: decode every record, insert every record's
     * inbox row in one statement, commit, then commit the offsets. Counts a drama answered when all its regions are in.
     */
    private final class Reader implements AutoCloseable {

        final Map<String, Long> committedAt = new ConcurrentHashMap<>();
        private final Map<String, Integer> answersPerDrama = new HashMap<>();
        private final List<Long> latencies = new ArrayList<>();
        private final int regions;
        private final Shape shape;
        private final int dramas;
        private final KafkaConsumer<String, String> consumer;
        private final Connection db;
        private final Thread thread;
        private volatile boolean assigned;
        private volatile Exception failure;
        volatile long records;
        volatile long bytes;
        volatile long lastAnswerNanos;
        volatile long cpuNanos;
        private int answered;

        Reader(String topic, int regions, Shape shape, int dramas) throws Exception {
            this.regions = regions;
            this.shape = shape;
            this.dramas = dramas;
            Properties config = KafkaClients.readCommittedConsumer(kafka);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // offsets committed after the inbox, as SmallRye does
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
            db.setAutoCommit(false);
            thread = new Thread(this::consume, "answer-reader");
            thread.start();
        }

        void awaitAssigned() throws InterruptedException {
            while (!assigned && failure == null) {
                Thread.sleep(20);
            }
        }

        private void consume() {
            try (PreparedStatement inbox = db.prepareStatement("insert into inbox_message (consumer, event_id, event_type,"
                    + " received_at) select 'bench-answers', id, ?, now() from unnest(?) as id on conflict do nothing returning event_id")) {
                long cpuStart = 0;
                while (answered < dramas && !Thread.currentThread().isInterrupted()) {
                    ConsumerRecords<String, String> poll = consumer.poll(Duration.ofMillis(50));
                    if (!assigned && !consumer.assignment().isEmpty()) {
                        cpuStart = currentThreadCpuNanos();
                        assigned = true;
                    }
                    if (poll.isEmpty()) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>(poll.count());
                    Map<String, Integer> answersOfPoll = new HashMap<>();
                    for (ConsumerRecord<String, String> record : poll) {
                        ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                        bytes += record.serializedKeySize() + record.serializedValueSize() + headerBytes(record);
                        if (shape == Shape.PER_REGION) {
                            ReadinessChanged answer = json.readValue(record.value(), ReadinessChanged.class);
                            answersOfPoll.merge(answer.dramaId(), 1, Integer::sum);
                        } else {
                            ReadinessOfVersion answer = json.readValue(record.value(), ReadinessOfVersion.class);
                            answersOfPoll.merge(answer.dramaId(), answer.regions().size(), Integer::sum);
                        }
                    }
                    records += poll.count();
                    Array idArray = db.createArrayOf("varchar", ids.toArray());
                    inbox.setString(1, shape == Shape.PER_REGION ? CloudEventTypes.READINESS_CHANGED : "bench.readiness.of-version");
                    inbox.setArray(2, idArray);
                    try (ResultSet inserted = inbox.executeQuery()) {
                        while (inserted.next()) {
                            inserted.getString(1);
                        }
                    }
                    db.commit();
                    consumer.commitAsync();
                    long now = System.nanoTime();
                    answersOfPoll.forEach((drama, count) -> {
                        int sum = answersPerDrama.merge(drama, count, Integer::sum);
                        if (sum == regions) {
                            answered++;
                            Long committed = committedAt.get(drama);
                            if (committed != null) {
                                latencies.add(now - committed);
                            }
                        }
                    });
                    lastAnswerNanos = now;
                }
                cpuNanos = currentThreadCpuNanos() - cpuStart;
            } catch (Exception e) {
                failure = e;
            }
        }

        private static long headerBytes(ConsumerRecord<String, String> record) {
            long size = 0;
            for (Header header : record.headers()) {
                size += header.key().length() + (header.value() == null ? 0 : header.value().length);
            }
            return size;
        }

        void awaitAll(Duration timeout) throws Exception {
            thread.join(timeout.toMillis());
            if (failure != null) {
                throw failure;
            }
            if (thread.isAlive()) {
                throw new IllegalStateException(answered + " of " + dramas + " dramas answered within " + timeout);
            }
        }

        long[] latencies() {
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        @Override
        public void close() throws Exception {
            thread.interrupt();
            thread.join();
            consumer.close();
            db.close();
        }
    }

    record Run(int answers, long records, long bytes, double seconds, double writerCpu, Map<String, Double> processCpu,
            double readerCpu, long[] sortedLatencies) {

        double answersPerSecond() {
            return answers / seconds;
        }

        String perAnswer() {
            return String.format("%d records, %.0f bytes per answer on the topic", records, (double) bytes / answers);
        }

        /** CPU milliseconds per 1 000 answers: each part, then all together. */
        String cpuPerThousandAnswers() {
            double perThousand = 1e6 / answers; // seconds → ms per 1 000 answers
            StringBuilder line = new StringBuilder("CPU ms per 1 000 answers: writer ").append(format(writerCpu * perThousand));
            double total = writerCpu + readerCpu;
            for (Map.Entry<String, Double> process : processCpu.entrySet()) {
                line.append(", ").append(process.getKey()).append(' ').append(format(process.getValue() * perThousand));
                total += process.getValue();
            }
            return line.append(", reader ").append(format(readerCpu * perThousand)).append(", together ")
                    .append(format(total * perThousand)).toString();
        }

        /** The whole machine's CPU over the run, which at a fixed rate says more than CPU per answer (idle work included). */
        String coresBusy() {
            double total = writerCpu + readerCpu + processCpu.values().stream().mapToDouble(Double::doubleValue).sum();
            return String.format("CPU of all parts %.2f cores on average over %.1f s", total / seconds, seconds);
        }

        String latency() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d dramas)", percentile(0.50), percentile(0.99),
                    sortedLatencies.length == 0 ? Double.NaN : sortedLatencies[sortedLatencies.length - 1] / 1e6,
                    sortedLatencies.length);
        }

        private double percentile(double quantile) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            return sortedLatencies[Math.min(sortedLatencies.length - 1,
                    (int) Math.ceil(quantile * sortedLatencies.length) - 1)] / 1e6;
        }

        private static String format(double millis) {
            return String.format("%.0f", millis);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
