package io.microdrama.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relay's Kafka producer: idempotent, {@code acks=all}, transactional. A batch is sent in one Kafka transaction
 * (all records handed to the producer without waiting, then one commit), so either all of it becomes visible to
 * {@code read_committed} consumers or none of it: a broker failure in the middle of a batch cannot leave a later
 * record of a key on the topic ahead of an earlier one that is sent again in the next round.
 * <p>
 * Created on first use, so a service starts while Kafka is down. Used by one thread at a time (the relay holds the
 * advisory lock and its own in-process guard). After any failure the producer is closed and made anew on the next
 * round: its {@code initTransactions} aborts whatever the failed one left open.
 */
final class RelayProducer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayProducer.class);

    private final Map<String, Object> settings;
    private final String source;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final MeterRegistry registry;
    private volatile KafkaProducer<String, String> producer;
    private KafkaClientMetrics producerMetrics;

    RelayProducer(Map<String, Object> settings, String source, OpenTelemetry openTelemetry, MeterRegistry registry) {
        this.settings = Map.copyOf(settings);
        this.registry = registry;
        this.source = source;
        this.tracer = openTelemetry.getTracer("io.microdrama.outbox-relay");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The settings of the relay's producer; {@code transactional.id} is one per service. */
    static Map<String, Object> settings(String bootstrapServers, String transactionalId, int lingerMs, int batchBytes,
            Duration deliveryTimeout) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, transactionalId,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis(),
                // Fail fast enough (metadata, initTransactions, a request) for the relay to back off and retry.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5000, deliveryTimeout.toMillis()),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
    }

    /**
     * Sends the events in one Kafka transaction, in list order; returns once the transaction committed (every
     * record acknowledged by all in-sync replicas). Throws otherwise, and then none of the records is visible.
     * Blocks: call it from a worker thread.
     */
    synchronized void sendAll(List<PendingEvent> events) {
        try {
            sendInTransaction(events);
        } catch (RuntimeException failure) {
            discard();
            if (!fenced(failure)) {
                throw failure;
            }
            // Another replica of this service took the transactional id while this one was idle (it held the
            // advisory lock then): this replica holds the lock now, so it takes the id back and sends once more.
            LOG.info("Outbox relay producer was fenced by another replica; taking the transactional id back");
            try {
                sendInTransaction(events);
            } catch (RuntimeException again) {
                discard();
                throw again;
            }
        }
    }

    private void sendInTransaction(List<PendingEvent> events) {
        KafkaProducer<String, String> started = started();
        started.beginTransaction();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        for (PendingEvent event : events) {
            if (firstFailure.get() != null) {
                // The transaction cannot commit once a record failed, so the rest is not handed over: with the broker
                // gone and the topic's metadata unknown, each send waits max.block.ms before it fails, and a batch of
                // 500 held the round (its transaction, its lock) for the whole outage instead of failing it.
                throw new KafkaException("Outbox batch abandoned after a failed send", firstFailure.get());
            }
            ProducerRecord<String, String> record = OutboxRecords.record(event, source);
            Span span = producerSpan(event);
            propagator.inject(Context.root().with(span), record.headers(), RelayProducer::setHeader);
            started.send(record, (metadata, error) -> {
                if (error != null) {
                    firstFailure.compareAndSet(null, error);
                    span.setStatus(StatusCode.ERROR, error.toString());
                }
                span.end();
            });
        }
        // Flushes and waits for every acknowledgement; throws if any send failed (the transaction is then aborted).
        started.commitTransaction();
    }

    /** The producer span continues the trace of the change that wrote the row, not the relay's round. */
    private Span producerSpan(PendingEvent event) {
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(OutboxTraceContext.restore(event.tracingSpanContext()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .startSpan();
    }

    private KafkaProducer<String, String> started() {
        if (producer == null) {
            KafkaProducer<String, String> created = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            // kafka.producer.* meters (records sent per topic, errors), as SmallRye's producer had them.
            producerMetrics = new KafkaClientMetrics(created);
            producerMetrics.bindTo(registry);
            producer = created;
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            KafkaProducer<String, String> failed = producer;
            producer = null;
            try {
                failed.abortTransaction();
            } catch (RuntimeException ignored) {
                // Fenced or broken: the next producer's initTransactions aborts what this one left open.
            }
            failed.close(Duration.ZERO);
            unbindMetrics();
        }
    }

    private void unbindMetrics() {
        if (producerMetrics != null) {
            producerMetrics.close();
            producerMetrics = null;
        }
    }

    private static boolean fenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static void setHeader(Headers headers, String name, String value) {
        headers.remove(name);
        OutboxRecords.add(headers, name, value);
    }

    @Override
    public void close() {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
