package io.microdrama.support.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the broker answered for each row of one relay round, in claim order, and which rows that allows to mark
 * sent. Per key (drama), only the rows before the key's first unacknowledged row count as sent: a later row of
 * that key stays pending even if the broker took it, so that the relay sends it again after the row that failed
 * and per-key order never depends on a row that is not on the topic yet. Plain Java, so the rule is unit tested.
 */
final class Deliveries {

    enum Outcome { ACKNOWLEDGED, FAILED, NOT_SENT }

    private final List<String> keys;
    private final AtomicReferenceArray<Outcome> outcomes;
    private final AtomicReferenceArray<Throwable> failures;

    Deliveries(List<String> keys) {
        this.keys = List.copyOf(keys);
        this.outcomes = new AtomicReferenceArray<>(keys.size());
        this.failures = new AtomicReferenceArray<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            outcomes.set(i, Outcome.NOT_SENT);
        }
    }

    void acknowledged(int index) {
        outcomes.set(index, Outcome.ACKNOWLEDGED);
    }

    void failed(int index, Throwable failure) {
        failures.set(index, failure);
        outcomes.set(index, Outcome.FAILED);
    }

    /** Rows that may be marked sent: acknowledged, with no earlier row of the same key left unacknowledged. */
    List<Integer> sent() {
        List<Integer> sent = new ArrayList<>();
        Set<String> blockedKeys = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (outcomes.get(i) == Outcome.ACKNOWLEDGED && !blockedKeys.contains(keys.get(i))) {
                sent.add(i);
            } else {
                blockedKeys.add(keys.get(i));
            }
        }
        return sent;
    }

    /** Rows the broker refused or did not acknowledge in time: they record the error and stay pending. */
    List<Integer> failed() {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (outcomes.get(i) == Outcome.FAILED) {
                failed.add(i);
            }
        }
        return failed;
    }

    /** The first failure of the round in claim order, or null. */
    Throwable firstFailure() {
        for (int i = 0; i < keys.size(); i++) {
            if (failures.get(i) != null) {
                return failures.get(i);
            }
        }
        return null;
    }

    int size() {
        return keys.size();
    }
}
