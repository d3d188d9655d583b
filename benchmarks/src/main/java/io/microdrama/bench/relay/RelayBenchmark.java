package io.microdrama.bench.relay;

import io.microdrama.bench.HttpLoad;
import io.microdrama.bench.KafkaClients;
import io.microdrama.devstack.DevStack;
import io.microdrama.devstack.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox relay against a raw Kafka producer, on the same broker in the same run. Starts its own Kafka and
 * PostgreSQL (devstack) and the packaged catalog-service, whose relay is measured; rows are appended to catalog's
 * outbox with plain SQL in one transaction, as {@code Outbox.append} does (the table's trigger wakes the relay on
 * commit), so the figures are the relay's, not the HTTP API's.
 * <ol>
 *   <li>throughput: {@code --rows} rows of {@code --payload} bytes over {@code --dramas} keys committed at once;
 *       commit → last row marked sent. Raw producer: the same records, {@code acks=all}, idempotent, pipelined.
 *       Both run twice, alternately (relay, raw, relay, raw), after a warm-up of each.</li>
 *   <li>latency: one row per transaction at {@code --rate}/s for {@code --seconds} s; commit → record read by a
 *       consumer on the topic ({@code read_committed}, as the services read; p50, p99, max). Run twice: relay settings as deployed, then against a backlog of
 *       {@code --backlog} rows committed just before (what a small studio's publication waits behind a bulk import).</li>
 * </ol>
 * RSS is catalog's JVM after each phase. Options: --root (repository, default .), --rows, --dramas, --payload,
 * --rate, --seconds, --backlog, --batch-size (the relay's EVENTING_RELAY_BATCH_SIZE; default: the service's),
 * --backlog-lane (interactive, default: the backlog's rows are ordinary rows; bulk: they are rows of the service's bulk
 * lane, as a back catalogue's are since the relay sends that lane last, R__outbox_lanes.sql).
 */
public final class RelayBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath();
        int rows = Integer.parseInt(options.getOrDefault("rows", "20000"));
        int dramas = Integer.parseInt(options.getOrDefault("dramas", "200"));
        int payloadBytes = Integer.parseInt(options.getOrDefault("payload", "1100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int backlog = Integer.parseInt(options.getOrDefault("backlog", "20000"));
        boolean backlogOnBulkLane = options.getOrDefault("backlog-lane", "interactive").equals("bulk");
        Map<String, String> catalogEnv = new HashMap<>(Map.of("QUARKUS_OIDC_TENANT_ENABLED", "false"));
        if (options.containsKey("batch-size")) {
            catalogEnv.put("EVENTING_RELAY_BATCH_SIZE", options.get("batch-size"));
        }
        String payload = payload(payloadBytes);

        try (DevStack stack = DevStack.builder().kafka(0).postgres(0, List.of("catalog")).start()) {
            String kafka = stack.kafkaBootstrapServers().orElseThrow();
            DevStack.Database database = stack.database("catalog").orElseThrow();
            // No Keycloak: nothing here goes through the API.
            try (ServiceProcess catalog = ServiceProcess.start(root, "catalog-service", 0, stack, "catalog", catalogEnv);
                    Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
                catalog.awaitReady(Duration.ofMinutes(3));
                long pid = catalog.process().pid();
                System.out.printf("catalog-service up (pid %d), RSS %d MiB%n", pid, HttpLoad.rssMiB(pid));

                // Warm-up of both sides (JIT, connections, topic metadata), not reported.
                relayThroughput(db, "bench.relay.warmup", Math.min(rows, 5000), dramas, payload);
                rawProducerThroughput(kafka, "bench.raw.warmup", Math.min(rows, 5000), dramas, payload);

                double[] relay = new double[2];
                double[] raw = new double[2];
                long relayRss = 0;
                for (int run = 0; run < 2; run++) {
                    relay[run] = relayThroughput(db, "bench.relay." + run, rows, dramas, payload);
                    relayRss = Math.max(relayRss, HttpLoad.rssMiB(pid));
                    raw[run] = rawProducerThroughput(kafka, "bench.raw." + run, rows, dramas, payload);
                }
                System.out.printf("%nThroughput, %d rows of %d bytes over %d keys (two alternating runs)%n", rows, payloadBytes, dramas);
                System.out.printf("  relay          %,10.0f  %,10.0f events/s   (catalog RSS up to %d MiB)%n", relay[0], relay[1], relayRss);
                System.out.printf("  raw producer   %,10.0f  %,10.0f records/s%n", raw[0], raw[1]);
                System.out.printf("  ratio          %10.3f  %10.3f%n", relay[0] / raw[0], relay[1] / raw[1]);

                Latency quiet = latency(db, kafka, "bench.latency", rate, seconds, dramas, payload, 0, false);
                System.out.printf("%nCommit -> on the topic, %d/s for %d s, one row per transaction: %s (catalog RSS %d MiB)%n",
                        rate, seconds, quiet, HttpLoad.rssMiB(pid));
                Latency behindBacklog = latency(db, kafka, "bench.latency.backlog", rate, seconds, dramas, payload, backlog,
                        backlogOnBulkLane);
                System.out.printf("Same, behind a backlog of %d rows (%s lane) committed just before: %s (catalog RSS %d MiB)%n",
                        backlog, backlogOnBulkLane ? "bulk" : "interactive", behindBacklog, HttpLoad.rssMiB(pid));
            }
        }
    }

    /** Commits {@code rows} rows at once and waits until the relay has marked all sent; events per second. */
    static double relayThroughput(Connection db, String topic, int rows, int dramas, String payload) throws Exception {
        Timestamp committedAt = insert(db, topic, rows, dramas, payload);
        awaitSent(db, topic);
        try (PreparedStatement query = db.prepareStatement(
                "select extract(epoch from max(sent_at) - ?) from outbox_event where topic = ?")) {
            query.setTimestamp(1, committedAt);
            query.setString(2, topic);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return rows / result.getDouble(1);
            }
        }
    }

    /** The same records straight from a producer configured as the relay's: sent without waiting, then flushed. */
    public static double rawProducerThroughput(String kafka, String topic, int rows, int dramas, String payload) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.partitionsFor(topic);
            CountDownLatch acknowledged = new CountDownLatch(rows);
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                producer.send(new ProducerRecord<>(topic, "drama-" + (i % dramas), payload), (metadata, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                    acknowledged.countDown();
                });
            }
            acknowledged.await(5, TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            return rows / elapsed;
        }
    }

    /**
     * One row per transaction at {@code rate}/s for {@code seconds} s (keys round-robin over the dramas), after
     * {@code backlog} rows committed at once on another topic; commit → read back by a consumer.
     */
    static Latency latency(Connection db, String kafka, String topic, int rate, int seconds, int dramas, String payload,
            int backlog, boolean backlogOnBulkLane) throws Exception {
        Map<String, Long> committedAtNanos = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int total = rate * seconds;
        AtomicLong received = new AtomicLong();
        Properties config = KafkaClients.readCommittedConsumer(kafka);
        Thread reader;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            reader = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120L);
                while (received.get() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                        Long committed = committedAtNanos.get(id);
                        if (committed != null) {
                            latencies.add(now - committed);
                            received.incrementAndGet();
                        }
                    }
                }
            });
            reader.start();
            if (backlog > 0) {
                insert(db, topic + ".bulk", backlog, dramas, payload, backlogOnBulkLane);
            }
            try (PreparedStatement insert = insertStatement(db)) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    UUID id = UUID.randomUUID();
                    addRow(insert, id, "small-" + (i % dramas), payload, topic);
                    insert.executeBatch();
                    // Timed from just before the commit: put after it, a record the relay delivered faster than this
                    // thread got back from commit() would not be counted at all (4 of 3 000 in the first run).
                    committedAtNanos.put(id.toString(), System.nanoTime());
                    db.commit();
                }
            }
            reader.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(sorted.length, total, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    record Latency(int received, int sent, double p50Millis, double p99Millis, double maxMillis) {
        @Override
        public String toString() {
            return String.format("%d/%d received, p50 %.1f ms, p99 %.1f ms, max %.1f ms", received, sent, p50Millis,
                    p99Millis, maxMillis);
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Commits {@code rows} rows in one transaction (the outbox trigger notifies the relay); returns the commit time. */
    private static Timestamp insert(Connection db, String topic, int rows, int dramas, String payload) throws Exception {
        return insert(db, topic, rows, dramas, payload, false);
    }

    private static Timestamp insert(Connection db, String topic, int rows, int dramas, String payload, boolean bulkLane)
            throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = bulkLane ? db.prepareStatement("insert into outbox_event (id, aggregatetype, "
                + "aggregateid, type, \"timestamp\", payload, topic, bulk) values (?, 'drama', ?, 'bench.event', "
                + "clock_timestamp(), ?, ?, true)") : insertStatement(db)) {
            for (int i = 0; i < rows; i++) {
                addRow(insert, UUID.randomUUID(), "drama-" + (i % dramas), payload, topic);
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        try (Statement sql = db.createStatement(); ResultSet now = sql.executeQuery("select clock_timestamp()")) {
            now.next();
            db.commit();
            return now.getTimestamp(1);
        }
    }

    private static PreparedStatement insertStatement(Connection db) throws Exception {
        db.setAutoCommit(false);
        return db.prepareStatement("insert into outbox_event (id, aggregatetype, aggregateid, type, \"timestamp\", "
                + "payload, topic) values (?, 'drama', ?, 'bench.event', clock_timestamp(), ?, ?)");
    }

    private static void addRow(PreparedStatement insert, UUID id, String key, String payload, String topic) throws Exception {
        insert.setObject(1, id);
        insert.setString(2, key);
        insert.setString(3, payload);
        insert.setString(4, topic);
        insert.addBatch();
    }

    private static void awaitSent(Connection db, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from outbox_event where sent_at is null and topic = ?")) {
            query.setString(1, topic);
            while (System.nanoTime() < deadline) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        db.commit();
                        return;
                    }
                }
                db.commit();
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the relay did not send " + topic + " within 30 minutes");
    }

    /** A JSON object of about {@code bytes} bytes, like a drama.published snapshot. */
    private static String payload(int bytes) {
        char[] filler = new char[Math.max(0, bytes - 40)];
        Arrays.fill(filler, 'x');
        return "{\"dramaVersion\":1,\"synopsis\":\"" + new String(filler) + "\"}";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

}
