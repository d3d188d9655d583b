package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.Approval;
import io.microdrama.localization.domain.Readiness;
import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import io.microdrama.localization.domain.SubtitleTasks;
import io.microdrama.localization.domain.TrackSummary;
import io.microdrama.subtitles.QcVerdict;
import io.microdrama.support.query.QueryPlans;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Subtitle tracks. Lists and readiness read small projections; only delivery loads a track's document. */
@ApplicationScoped
public class TrackRepository {

    public Uni<SubtitleTrack> find(Mutiny.Session session, SubtitleTrack.Key key) {
        return session.find(SubtitleTrack.class, key);
    }

    /** Full tracks (documents included) of some episodes of a drama. */
    public Uni<List<SubtitleTrack>> ofEpisodes(Mutiny.Session session, UUID dramaId, Collection<Integer> episodes) {
        if (episodes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from SubtitleTrack t where t.key.dramaId = :drama and t.key.episode in :episodes",
                        SubtitleTrack.class)
                .setParameter("drama", dramaId)
                .setParameter("episodes", episodes)
                .getResultList();
    }

    /** Full tracks of some episodes of a drama in one language (what an upload of those files may replace). */
    public Uni<List<SubtitleTrack>> ofLanguage(Mutiny.Session session, UUID dramaId, String language, Collection<Integer> episodes) {
        if (episodes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("""
                        from SubtitleTrack t where t.key.dramaId = :drama and t.key.language = :language
                        and t.key.episode in :episodes""", SubtitleTrack.class)
                .setParameter("drama", dramaId)
                .setParameter("language", language)
                .setParameter("episodes", episodes)
                .getResultList();
    }

    /**
     * The drama's tracks as readiness sees them: accepted by QC, and of those the ones approved for their current
     * revision. Reads what is flushed: writers flush their changes first.
     */
    public Uni<Readiness.Tracks> forReadiness(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("""
                        select t.key.episode, t.key.language,
                               case when t.approvalDecision = :approved and t.approvalRevision = t.revision then true else false end
                        from SubtitleTrack t
                        where t.key.dramaId = :drama and t.status = :accepted""", Object[].class)
                .setParameter("drama", dramaId)
                .setParameter("accepted", QcVerdict.ACCEPTED)
                .setParameter("approved", Approval.Decision.APPROVED)
                .getResultList()
                .map(rows -> {
                    Set<AcceptedTrack> accepted = new HashSet<>();
                    Set<AcceptedTrack> approved = new HashSet<>();
                    rows.forEach(row -> {
                        AcceptedTrack track = new AcceptedTrack((Integer) row[0], (String) row[1]);
                        accepted.add(track);
                        if (Boolean.TRUE.equals(row[2])) {
                            approved.add(track);
                        }
                    });
                    return new Readiness.Tracks(accepted, approved);
                });
    }

    public Uni<List<TrackSummary>> summaries(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("""
                        select new io.microdrama.localization.domain.TrackSummary(
                            t.key.episode, t.key.language, t.status, t.revision, t.sourceFormat, t.cueCount, t.errorCount,
                            t.warningCount, t.uploadedBy, t.uploadedByRole, t.bodySha256, t.bodyBytes, t.createdAt, t.updatedAt,
                            t.approvalDecision, t.approvalComment, t.approvalBy, t.approvalByRole, t.approvalAt,
                            t.approvalRevision, t.approvalSha256)
                        from SubtitleTrack t where t.key.dramaId = :drama
                        order by t.key.episode, t.key.language""", TrackSummary.class)
                .setParameter("drama", dramaId)
                .getResultList();
    }

    /**
     * @param language filter, exact canonical tag, or null
     * @param region   filter, a country, or null
     */
    public Uni<SubtitleTasks.Page> tasks(Mutiny.Session session, SubtitleTasks.Scope scope, String language, String region, int offset, int limit) {
        if (scope.nothing()) {
            return Uni.createFrom().item(new SubtitleTasks.Page(0, List.of()));
        }
        StringBuilder where = new StringBuilder("where " + QueryPlans.UNCACHED);
        if (language != null) {
            where.append(" and n.language = :language");
        }
        if (region != null) {
            where.append(" and n.region = :region");
        }
        if (!scope.everything()) {
            List<String> grants = new java.util.ArrayList<>();
            if (!scope.languages().isEmpty()) {
                grants.add("n.language in (:scopeLanguages)");
            }
            if (!scope.regions().isEmpty()) {
                grants.add("n.region in (:scopeRegions)");
            }
            where.append(" and (").append(String.join(" or ", grants)).append(")");
        }
        // Waiting for approval is work for ops (their regions) and admins, not for localizers.
        String awaitingVisible = scope.everything() ? "true" : scope.regions().isEmpty() ? "false" : "w.region in (:scopeRegions)";
        // Needed (drama, region, language) from open plans x episodes of the current version, with why each needs
        // work (none: a usable track); one row per (drama, episode, language) with the regions waiting for it.
        String sql = """
                select w.drama_id, w.external_id, w.studio_id, w.number, w.language,
                       string_agg(w.region, ' ' order by w.region), w.reason, w.revision, w.error_count,
                       w.approval_comment, w.approval_by, w.approval_at,
                       count(*) over ()
                from (select n.drama_id, n.region, n.language, d.external_id, d.studio_id, ep.number, t.revision,
                             t.error_count,
                             case when t.approval_decision = 'REJECTED' and t.approval_revision = t.revision
                                  then t.approval_comment end as approval_comment,
                             case when t.approval_decision = 'REJECTED' and t.approval_revision = t.revision
                                  then t.approval_by end as approval_by,
                             case when t.approval_decision = 'REJECTED' and t.approval_revision = t.revision
                                  then t.approval_at end as approval_at,
                             case when t.status is null then 'MISSING'
                                  when t.status = 'QC_FAILED' then 'QC_FAILED'
                                  when not n.needs_approval then null
                                  when t.approval_revision = t.revision and t.approval_decision = 'APPROVED' then null
                                  when t.approval_revision = t.revision and t.approval_decision = 'REJECTED' then 'REJECTED'
                                  else 'AWAITING_APPROVAL' end as reason
                      from (select p.drama_id, p.region, l.language,
                                   l.language = any(string_to_array(p.approval_languages, ' ')) as needs_approval
                            from region_plan p
                            cross join lateral unnest(string_to_array(p.required_languages, ' ')) as l(language)
                            where not p.closed) n
                      join drama d on d.id = n.drama_id and not d.withdrawn
                      cross join lateral (select (e ->> 'number')::int as number from json_array_elements(d.episodes::json) e) ep
                      left join subtitle_track t
                             on t.drama_id = n.drama_id and t.episode_number = ep.number and t.language = n.language
                      %s) w
                where w.reason is not null and (w.reason <> 'AWAITING_APPROVAL' or %s)
                group by w.drama_id, w.external_id, w.studio_id, w.number, w.language, w.reason, w.revision, w.error_count,
                         w.approval_comment, w.approval_by, w.approval_at
                order by w.drama_id, w.language, w.number
                limit :limit offset :offset""".formatted(where, awaitingVisible);
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
        bind(query, scope, language, region);
        return query.setParameter("limit", limit).setParameter("offset", offset).getResultList()
                .flatMap(rows -> {
                    List<SubtitleTasks.Task> tasks = rows.stream().map(TrackRepository::task).toList();
                    if (!rows.isEmpty() || offset == 0) {
                        return Uni.createFrom().item(new SubtitleTasks.Page(rows.isEmpty() ? 0 : ((Number) rows.get(0)[12]).longValue(), tasks));
                    }
                    // Paged past the end: the window count came with no row, so count separately.
                    String count = "select count(*) from (" + sql.substring(0, sql.indexOf("order by w.drama_id")) + ") page";
                    Mutiny.SelectionQuery<Long> counting = session.createNativeQuery(count, Long.class);
                    bind(counting, scope, language, region);
                    return counting.getSingleResult().map(total -> new SubtitleTasks.Page(total, tasks));
                });
    }

    private static void bind(Mutiny.SelectionQuery<?> query, SubtitleTasks.Scope scope, String language, String region) {
        QueryPlans.uncached(query);
        if (language != null) {
            query.setParameter("language", language);
        }
        if (region != null) {
            query.setParameter("region", region);
        }
        if (!scope.everything() && !scope.languages().isEmpty()) {
            query.setParameter("scopeLanguages", scope.languages());
        }
        if (!scope.everything() && !scope.regions().isEmpty()) {
            query.setParameter("scopeRegions", scope.regions());
        }
    }

    private static SubtitleTasks.Task task(Object[] row) {
        return new SubtitleTasks.Task((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(), (String) row[4],
                List.of(((String) row[5]).split(" ")), SubtitleTasks.Reason.valueOf((String) row[6]),
                row[7] == null ? null : ((Number) row[7]).longValue(), row[8] == null ? null : ((Number) row[8]).intValue(),
                (String) row[9], (String) row[10], instant(row[11]));
    }

    private static java.time.Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return (java.time.Instant) value;
    }

    /** Distinct required languages of open plans: what a localizer's grants are matched against. */
    public Uni<List<String>> openRequiredLanguages(Mutiny.Session session) {
        return QueryPlans.uncached(session.createNativeQuery("""
                        select distinct unnest(string_to_array(required_languages, ' ')) from region_plan
                        where not closed and %s""".formatted(QueryPlans.UNCACHED), String.class))
                .getResultList();
    }
}
