package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.AuditEntry;
import io.microdrama.catalog.domain.AuditQuery;
import io.microdrama.support.query.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The append-only {@code audit_record} table: one insert per event (a second insert of the same event id does
 * nothing) and paged reads, newest first. There is no update or delete here, and the table's trigger refuses them.
 * Arrays travel as comma-joined text (country codes hold no comma) and every column is read back as text, so no
 * driver type mapping is involved.
 */
@ApplicationScoped
public class AuditRecordRepository {

    // cast(...) rather than PostgreSQL's ::, which Hibernate's native-query parser would read as an escaped colon.
    private static final String COLUMNS = "cast(event_id as text) as event_text, to_char(occurred_at at time zone 'UTC', "
            + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as occurred_text, actor, actor_role, action, service, entity_type, "
            + "entity_id, cast(drama_id as text) as drama_text, studio_id, array_to_string(regions, ',') as regions_text, "
            + "reason, cast(before as text) as before_text, cast(after as text) as after_text";

    /** Returns whether the record was new (false: this event id is stored already). */
    public Uni<Boolean> append(Mutiny.Session session, AuditEntry entry) {
        // Every parameter goes in as text and is cast by PostgreSQL: the reactive driver refuses a Java String for a
        // parameter it infers as timestamptz or jsonb.
        return session.createNativeQuery("insert into audit_record (event_id, occurred_at, actor, actor_role, action, "
                        + "service, entity_type, entity_id, drama_id, studio_id, regions, reason, before, after) values ("
                        + "cast(cast(:id as text) as uuid), cast(cast(:occurredAt as text) as timestamptz), "
                        + "cast(:actor as text), cast(:role as text), cast(:action as text), cast(:service as text), "
                        + "cast(:entityType as text), cast(:entityId as text), cast(cast(:dramaId as text) as uuid), "
                        + "cast(:studioId as text), string_to_array(cast(:regions as text), ','), cast(:reason as text), "
                        + "cast(cast(:before as text) as jsonb), cast(cast(:after as text) as jsonb)) "
                        + "on conflict (event_id) do nothing")
                .setParameter("id", entry.eventId().toString())
                .setParameter("occurredAt", entry.occurredAt().toString())
                .setParameter("actor", entry.actor())
                .setParameter("role", entry.actorRole())
                .setParameter("action", entry.action())
                .setParameter("service", entry.service())
                .setParameter("entityType", entry.entityType())
                .setParameter("entityId", entry.entityId())
                .setParameter("dramaId", entry.dramaId() == null ? null : entry.dramaId().toString())
                .setParameter("studioId", entry.studioId())
                .setParameter("regions", String.join(",", entry.regions()))
                .setParameter("reason", entry.reason())
                .setParameter("before", entry.beforeJson())
                .setParameter("after", entry.afterJson())
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /** One page, newest first, and the number of records matching the filters and scope. */
    public Uni<AuditQuery.Page> page(Mutiny.Session session, AuditQuery query) {
        StringBuilder where = new StringBuilder(" where " + QueryPlans.UNCACHED);
        if (query.dramaId() != null) {
            where.append(" and drama_id = cast(cast(:dramaId as text) as uuid)");
        }
        if (query.region() != null) {
            where.append(" and regions @> array[cast(:region as text)]");
        }
        if (query.actor() != null) {
            where.append(" and actor = cast(:actor as text)");
        }
        AuditQuery.Scope scope = query.scope();
        if (!scope.all()) {
            where.append(scope.studioId() != null ? " and studio_id = cast(:scopeStudio as text)"
                    : " and regions && string_to_array(cast(:scopeRegions as text), ',')");
        }
        Mutiny.SelectionQuery<Long> count = bind(session.createNativeQuery("select count(*) from audit_record" + where,
                Long.class), query);
        Mutiny.SelectionQuery<Object[]> rows = bind(session.createNativeQuery("select " + COLUMNS + " from audit_record"
                + where + " order by occurred_at desc, event_id desc", Object[].class), query);
        return count.getSingleResult().flatMap(total -> rows.setFirstResult(query.offset())
                .setMaxResults(query.limit()).getResultList()
                .map(found -> new AuditQuery.Page(total, found.stream().map(AuditRecordRepository::entry).toList())));
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> sql, AuditQuery query) {
        QueryPlans.uncached(sql);
        if (query.dramaId() != null) {
            sql.setParameter("dramaId", query.dramaId().toString());
        }
        if (query.region() != null) {
            sql.setParameter("region", query.region());
        }
        if (query.actor() != null) {
            sql.setParameter("actor", query.actor());
        }
        AuditQuery.Scope scope = query.scope();
        if (!scope.all()) {
            if (scope.studioId() != null) {
                sql.setParameter("scopeStudio", scope.studioId());
            } else {
                sql.setParameter("scopeRegions", String.join(",", new TreeSet<>(scope.regions())));
            }
        }
        return sql;
    }

    private static AuditEntry entry(Object[] row) {
        String regions = text(row[10]);
        return new AuditEntry(UUID.fromString(text(row[0])), Instant.parse(text(row[1])), text(row[2]), text(row[3]),
                text(row[4]), text(row[5]), text(row[6]), text(row[7]),
                row[8] == null ? null : UUID.fromString(text(row[8])), text(row[9]),
                regions == null || regions.isEmpty() ? List.of() : Arrays.asList(regions.split(",")),
                text(row[11]), text(row[12]), text(row[13]));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
