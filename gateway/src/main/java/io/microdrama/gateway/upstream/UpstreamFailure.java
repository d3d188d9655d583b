package io.microdrama.gateway.upstream;

import io.microdrama.gateway.domain.Upstream;

import java.time.Duration;

/**
 * A service call that produced no usable answer, and the status the gateway answers with instead: 502 when the
 * service is unreachable or answered badly, 503 while its circuit breaker is open, 504 when it was too slow.
 */
public class UpstreamFailure extends RuntimeException {

    public enum Kind {
        UNREACHABLE(502), BAD_ANSWER(502), CIRCUIT_OPEN(503), TIMEOUT(504);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Upstream upstream;
    private final Kind kind;
    private final Duration retryAfter;

    public UpstreamFailure(Upstream upstream, Kind kind, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.upstream = upstream;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Upstream upstream() {
        return upstream;
    }

    public Kind kind() {
        return kind;
    }

    /** Set for an open circuit: when a probe call will be let through again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
