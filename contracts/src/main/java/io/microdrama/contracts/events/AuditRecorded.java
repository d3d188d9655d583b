package io.microdrama.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One action of a person or studio (hold, publish, override, policy change...), recorded by the service that
 * performed it in the same transaction as the action. Catalog keeps every record in its append-only audit trail.
 * {@code regions} are the countries the action touches (empty: platform-wide); {@code before} and {@code after}
 * are the changed values as JSON objects (null where there was nothing before, or nothing after).
 */
public record AuditRecorded(
        String actor,
        String actorRole,
        String action,
        Instant occurredAt,
        String service,
        String entityType,
        String entityId,
        String dramaId,
        String studioId,
        List<String> regions,
        String reason,
        Map<String, Object> before,
        Map<String, Object> after) {

    /** The roles an actor acts in; a plain string on the wire so that a new role does not break a consumer. */
    public enum ActorRole { admin, ops, studio, localizer }

    /** The known actions; a plain string on the wire so that a new action does not break a consumer. */
    public enum Action {
        DRAMA_UPSERTED, DRAMA_PUBLISHED, DRAMA_WITHDRAWN,
        HOLD_PLACED, HOLD_RELEASED,
        PRICE_OVERRIDE_SET, PRICE_OVERRIDE_REMOVED,
        POLICY_CHANGED, REFERENCE_DATA_CHANGED,
        STUDIO_REGISTERED, STUDIO_CHANGED,
        SUBTITLE_APPROVED, SUBTITLE_REJECTED
    }
}
