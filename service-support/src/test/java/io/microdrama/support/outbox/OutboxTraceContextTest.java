package io.microdrama.support.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void aRowKeepsTheTraceOfTheChangeAndTheRelayRestoresIt() {
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "abc").build())));

        String stored = OutboxTraceContext.capture(request);

        assertThat(stored).isEqualTo("traceparent=00-" + TRACE_ID + "-" + SPAN_ID + "-01\ntracestate=vendor=abc");
        SpanContext restored = Span.fromContext(OutboxTraceContext.restore(stored)).getSpanContext();
        assertThat(restored.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(restored.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(restored.isSampled()).isTrue();
        assertThat(restored.isRemote()).isTrue();
        assertThat(restored.getTraceState().get("vendor")).isEqualTo("abc");
    }

    @Test
    void outsideATraceNothingIsStoredAndNothingIsRestored() {
        assertThat(OutboxTraceContext.capture(Context.root())).isNull();
        assertThat(Span.fromContext(OutboxTraceContext.restore(null)).getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(OutboxTraceContext.restore("traceparent=garbage")).getSpanContext().isValid())
                .isFalse();
    }

    @Test
    void anOversizedTraceStateIsDroppedSoTheRowStillFitsItsColumn() {
        io.opentelemetry.api.trace.TraceStateBuilder state = TraceState.builder();
        for (int i = 0; i < 30; i++) {
            state.put("vendor" + i, "x".repeat(40));
        }
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                state.build())));

        String stored = OutboxTraceContext.capture(request);

        assertThat(stored).isEqualTo("traceparent=00-" + TRACE_ID + "-" + SPAN_ID + "-01").hasSizeLessThan(512);
    }
}
