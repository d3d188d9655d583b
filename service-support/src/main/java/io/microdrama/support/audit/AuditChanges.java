package io.microdrama.support.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The before/after of an action, reduced to the values that changed: an auditor asks "what was it before?" of
 * what changed, not of the untouched rest. A side that did not exist stays null.
 */
public record AuditChanges(Map<String, Object> before, Map<String, Object> after) {

    public static AuditChanges of(Map<String, ?> before, Map<String, ?> after) {
        if (before == null || after == null) {
            return new AuditChanges(copy(before), copy(after));
        }
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!after.containsKey(key) || !Objects.equals(value, after.get(key))) {
                changedBefore.put(key, value);
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key) || !Objects.equals(value, before.get(key))) {
                changedAfter.put(key, value);
            }
        });
        return new AuditChanges(changedBefore, changedAfter);
    }

    /** Nothing to show before or after (an action that changes no stored value, e.g. a re-publication). */
    public static AuditChanges none() {
        return new AuditChanges(null, null);
    }

    public boolean isEmpty() {
        return (before == null || before.isEmpty()) && (after == null || after.isEmpty());
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return values == null ? null : new LinkedHashMap<>(values);
    }
}
