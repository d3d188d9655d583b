package io.microdrama.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.catalog.application.AuditLog;
import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.catalog.domain.AuditQuery;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The platform's audit trail: who changed what, when, why, and what it was before. Newest first, filtered by
 * drama, region and actor, always within the caller's scope: admins see everything, ops the records touching their
 * regions (a region filter outside them is 403), studios the records of their own studio. Read-only: no endpoint
 * changes or deletes a record.
 */
@Path("/api/v1/audit")
@RolesAllowed({ "admin", "ops", "studio" })
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_SIZE = 200;

    private final AuditLog auditLog;
    private final Caller caller;
    private final ObjectMapper json;

    public AuditResource(AuditLog auditLog, Caller caller, ObjectMapper json) {
        this.auditLog = auditLog;
        this.caller = caller;
        this.json = json;
    }

    public record AuditItem(String id, Instant occurredAt, String actor, String actorRole, String action,
            String service, String entityType, String entityId, String dramaId, String studioId, List<String> regions,
            String reason, JsonNode before, JsonNode after) {
    }

    public record AuditPage(int page, int size, long total, List<AuditItem> items) {
    }

    @GET
    public Uni<AuditPage> list(@QueryParam("dramaId") String dramaId, @QueryParam("region") String region,
            @QueryParam("actor") String actor, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size 1.." + MAX_SIZE);
        }
        UUID drama = parseDramaId(dramaId);
        String regionFilter = parseRegion(region);
        String actorFilter = actor == null || actor.isBlank() ? null : actor.strip();
        if (actorFilter != null && actorFilter.length() > 200) {
            throw new ProblemException(400, "Bad Request", "actor must be at most 200 characters");
        }
        AuditQuery.Scope scope = scope();
        if (regionFilter != null && !scope.coversRegion(regionFilter)) {
            throw ProblemException.forbidden("Your token does not cover region " + regionFilter);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new ProblemException(400, "Bad Request", "page is too large");
        }
        return auditLog.page(new AuditQuery(drama, regionFilter, actorFilter, scope, page * size, size))
                .map(found -> new AuditPage(page, size, found.total(),
                        found.entries().stream().map(this::item).toList()));
    }

    /** The records the caller may see at all; the most privileged role decides. */
    private AuditQuery.Scope scope() {
        if (caller.isAdmin()) {
            return AuditQuery.Scope.everything();
        }
        if (caller.hasRole(Caller.OPS)) {
            return AuditQuery.Scope.regions(caller.regions());
        }
        return AuditQuery.Scope.studio(caller.requireStudioId());
    }

    private AuditItem item(AuditEntry entry) {
        return new AuditItem(entry.eventId().toString(), entry.occurredAt(), entry.actor(), entry.actorRole(),
                entry.action(), entry.service(), entry.entityType(), entry.entityId(),
                entry.dramaId() == null ? null : entry.dramaId().toString(), entry.studioId(), entry.regions(),
                entry.reason(), tree(entry.beforeJson()), tree(entry.afterJson()));
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_record holds JSON that does not parse", e);
        }
    }

    private static UUID parseDramaId(String dramaId) {
        if (dramaId == null || dramaId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(dramaId.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", "dramaId must be a UUID");
        }
    }

    private static String parseRegion(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        if (!RegionGroups.isCountry(region.strip())) {
            throw new ProblemException(400, "Bad Request", "region must be an ISO 3166-1 alpha-2 country code, upper case");
        }
        return region.strip();
    }
}
