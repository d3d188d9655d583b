package io.microdrama.support.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What an action touched: the entity it changed, the drama and studio it concerns (null when none) and the
 * countries it touches (empty: platform-wide). The audit trail is queried by drama, region and actor, and scoped by
 * studio and region, so these travel with every record.
 */
public record AuditSubject(String entityType, String entityId, UUID dramaId, String studioId, List<String> regions) {

    public AuditSubject {
        if (entityType == null || entityType.isBlank() || entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("An audit subject needs an entity type and id");
        }
        regions = regions == null ? List.of() : regions.stream().distinct().sorted().toList();
    }

    /** A drama as a whole, in every country it is licensed in. */
    public static AuditSubject drama(UUID dramaId, String studioId, Collection<String> regions) {
        return new AuditSubject("drama", dramaId.toString(), dramaId, studioId, List.copyOf(regions));
    }

    /** A drama in one country (a hold, a release, an override). */
    public static AuditSubject dramaInRegion(String entityType, UUID dramaId, String studioId, String region) {
        return new AuditSubject(entityType, dramaId + "/" + region, dramaId, studioId, List.of(region));
    }

    /** Anything that is not a drama (a studio, a policy, reference data), in the given countries. */
    public static AuditSubject of(String entityType, String entityId, String studioId, Collection<String> regions) {
        return new AuditSubject(entityType, entityId, null, studioId, List.copyOf(regions));
    }

    /** The record's Kafka key: the drama id when there is one (a drama's records stay in order), else the entity. */
    public String key() {
        return dramaId != null ? dramaId.toString() : entityId;
    }
}
