package io.microdrama.catalog.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the audit trail: optional filters (drama, region, actor) and the caller's scope, which always applies.
 * An admin sees every record; ops see the records touching one of their regions (platform-wide records touch
 * none); a studio sees the records of its own studio id. The API refuses a region filter outside an ops scope.
 */
public record AuditQuery(UUID dramaId, String region, String actor, Scope scope, int offset, int limit) {

    /** One page of records, newest first, and how many records match in all. */
    public record Page(long total, List<AuditEntry> entries) {
    }

    public record Scope(boolean all, Set<String> regions, String studioId) {

        public static Scope everything() {
            return new Scope(true, Set.of(), null);
        }

        public static Scope regions(Set<String> regions) {
            return new Scope(false, Set.copyOf(regions), null);
        }

        public static Scope studio(String studioId) {
            return new Scope(false, Set.of(), studioId);
        }

        /** Whether a record touching {@code region} can be in this scope at all. */
        public boolean coversRegion(String region) {
            return all || studioId != null || regions.contains(region);
        }
    }
}
