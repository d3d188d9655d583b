package io.microdrama.support.outbox;

import java.time.Duration;

/** Pause between relay rounds while the broker fails: starts at the initial pause, doubles, capped; reset on success. */
final class RelayBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration current = Duration.ZERO;

    RelayBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next() {
        Duration next = current.isZero() ? initial : current.multipliedBy(2);
        current = next.compareTo(max) > 0 ? max : next;
        return current;
    }

    void reset() {
        current = Duration.ZERO;
    }
}
