package io.microdrama.support.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trace an outbox row belongs to, kept as text in its {@code tracingspancontext} column: the W3C
 * {@code traceparent} (and {@code tracestate}) of the request or message that made the state change, one
 * {@code key=value} per line as Debezium's outbox router expects. The relay sends the row later, from a
 * scheduler thread; restoring this context makes the Kafka record part of the original trace.
 */
final class OutboxTraceContext {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final int COLUMN_LENGTH = 512;

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private OutboxTraceContext() {
    }

    /** The current trace context as text, or null outside a trace (tracing off, or a scheduler's own work). */
    static String capture(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        W3C.inject(context, fields, Map::put);
        String text = fields.entrySet().stream().map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
        if (text.length() > COLUMN_LENGTH) {
            // tracestate is vendor data of unbounded length; the trace itself is in traceparent.
            text = "traceparent=" + fields.get("traceparent");
        }
        return text;
    }

    /** The context stored by {@link #capture}, or the root context when there is none or it is unreadable. */
    static Context restore(String text) {
        if (text == null || text.isBlank()) {
            return Context.root();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return W3C.extract(Context.root(), fields, FROM_MAP);
    }
}
