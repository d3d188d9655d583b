package io.microdrama.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of the platform's audit trail as catalog keeps it: who ({@code actor} in {@code actorRole}) did what
 * ({@code action} on an entity, through {@code service}), when, why, and the changed values before and after (JSON
 * object text, null where there was none). Never changed once stored.
 */
public record AuditEntry(UUID eventId, Instant occurredAt, String actor, String actorRole, String action, String service,
        String entityType, String entityId, UUID dramaId, String studioId, List<String> regions, String reason,
        String beforeJson, String afterJson) {

    public AuditEntry {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
