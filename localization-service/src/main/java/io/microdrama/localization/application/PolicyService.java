package io.microdrama.localization.application;

import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.localization.domain.ApprovalRule;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.PolicyChange;
import io.microdrama.localization.domain.Refusal;
import io.microdrama.localization.domain.Refusal.Field;
import io.microdrama.localization.domain.Refusal.Kind;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.LocalizedDrama;
import io.microdrama.localization.persistence.PolicyChangeRow;
import io.microdrama.localization.persistence.PolicyEntryRow;
import io.microdrama.localization.persistence.PolicyRepository;
import io.microdrama.localization.persistence.RegionPlan;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditSubject;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Admin changes of the region -> language policy. Each change is one new policy version, logged, and re-plans the
 * open plans of the countries it affects in the same transaction: their required languages follow the new policy,
 * and readiness is emitted where the result changed (same drama version, so catalog applies it).
 */
@ApplicationScoped
public class PolicyService {

    private final Mutiny.SessionFactory sessions;
    private final PolicyRepository policies;
    private final DramaRepository dramas;
    private final Planner planner;
    private final Clock clock;
    private final AuditTrail audit;

    public PolicyService(Mutiny.SessionFactory sessions, PolicyRepository policies, DramaRepository dramas, Planner planner,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.policies = policies;
        this.dramas = dramas;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * @param version        the policy version after the change (unchanged when the request changed nothing)
     * @param changed        false when the entry already was exactly this
     * @param plansReplanned open plans whose region the change affects
     * @param readinessEvents readiness events appended because a plan's result changed
     */
    public record ChangeResult(long version, String region, List<String> languages, boolean approvalRequired,
            Map<String, Boolean> approvalByLanguage, boolean changed, int plansReplanned, int readinessEvents) {
    }

    public Uni<LanguagePolicy> current() {
        return sessions.withTransaction(policies::current);
    }

    /** The change log, newest first (seeding version 1 first when the database has no policy yet). */
    public Uni<List<PolicyChange>> history(int offset, int limit) {
        return sessions.withTransaction(session -> policies.current(session)
                        .chain(() -> policies.history(session, offset, limit)))
                .map(rows -> rows.stream().map(PolicyService::change).toList());
    }

    private static PolicyChange change(PolicyChangeRow row) {
        return new PolicyChange(row.version, row.changedAt, row.changedBy, row.region,
                row.languages == null ? null : Arrays.asList(row.languages.split(" ")), row.note, row.approval());
    }

    /**
     * Sets a region's languages and approval rule (the whole entry: a rule left out is {@link ApprovalRule#NONE});
     * {@code expectedVersion} (from If-Match) guards against a concurrent change.
     */
    public Uni<ChangeResult> set(String region, List<String> languages, ApprovalRule approval, Actor changedBy,
            Long expectedVersion) {
        List<Field> problems = new java.util.ArrayList<>(LanguagePolicy.problems(region, languages).stream()
                .map(problem -> new Field(problem.startsWith("'" + region + "'") ? "region" : "languages", problem)).toList());
        approval.problems(region, languages).forEach(problem -> problems.add(new Field("approvalByLanguage", problem)));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return change(region, languages, approval.normalized(), changedBy, expectedVersion);
    }

    /** Removes a region's own entry: its countries fall back to their group's entry, or to English. */
    public Uni<ChangeResult> remove(String region, Actor changedBy, Long expectedVersion) {
        return change(region, null, ApprovalRule.NONE, changedBy, expectedVersion);
    }

    private Uni<ChangeResult> change(String region, List<String> languages, ApprovalRule approval, Actor changedBy,
            Long expectedVersion) {
        Instant now = clock.instant();
        return sessions.withTransaction(session -> policies.lockExclusive(session)
                .chain(() -> policies.current(session))
                .flatMap(policy -> {
                    if (expectedVersion != null && expectedVersion != policy.version()) {
                        throw new Refusal(Kind.STALE_VERSION, "The policy is at version " + policy.version()
                                + ", not " + expectedVersion + "; read it again and retry");
                    }
                    List<String> before = policy.entries().get(region);
                    ApprovalRule beforeApproval = policy.approval(region);
                    if (languages == null && before == null) {
                        throw Refusal.notFound("Policy entry for " + region);
                    }
                    if (languages != null && languages.equals(before) && approval.equals(policy.approval(region))) {
                        return Uni.createFrom().item(result(policy.version(), region, languages, approval, false, new int[2]));
                    }
                    long version = policy.version() + 1;
                    Map<String, List<String>> entries = new LinkedHashMap<>(policy.entries());
                    Map<String, ApprovalRule> approvals = new LinkedHashMap<>();
                    entries.keySet().forEach(entry -> approvals.put(entry, policy.approval(entry)));
                    if (languages == null) {
                        entries.remove(region);
                        approvals.remove(region);
                    } else {
                        entries.put(region, List.copyOf(languages));
                        approvals.put(region, approval);
                    }
                    LanguagePolicy changed = new LanguagePolicy(version, entries, approvals);
                    return store(session, region, languages, approval, version)
                            .chain(() -> policies.appendChange(session, version, region, languages, approval, changedBy.name(), null, now))
                            // The platform's audit trail, beside the policy's own change log.
                            .chain(() -> audit.record(session, changedBy, AuditRecorded.Action.POLICY_CHANGED,
                                    AuditSubject.of("region-policy", region, null, affectedCountries(region)), null,
                                    AuditChanges.of(before == null ? null : entryForAudit(before, beforeApproval),
                                            languages == null ? null : entryForAudit(languages, approval))))
                            .chain(() -> replan(session, affectedCountries(region), changed))
                            .map(counts -> {
                                LanguagePolicy.Resolution effective = changed.resolve(region);
                                return languages == null
                                        ? result(version, region, effective.languages(), effective.approval(), true, counts)
                                        : result(version, region, languages, approval, true, counts);
                            });
                }));
    }

    private static ChangeResult result(long version, String region, List<String> languages, ApprovalRule approval,
            boolean changed, int[] counts) {
        return new ChangeResult(version, region, languages, approval.required(), approval.sortedByLanguage(), changed,
                counts[0], counts[1]);
    }

    /** An entry as the audit trail shows it: its languages and, where one applies, its approval rule. */
    private static Map<String, Object> entryForAudit(List<String> languages, ApprovalRule approval) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("languages", List.copyOf(languages));
        entry.put("approvalRequired", approval.required());
        entry.put("approvalByLanguage", approval.sortedByLanguage());
        return entry;
    }

    private Uni<Void> store(Mutiny.Session session, String region, List<String> languages, ApprovalRule approval,
            long version) {
        return policies.entry(session, region).flatMap(row -> {
            if (languages == null) {
                return session.remove(row);
            }
            if (row == null) {
                return session.persist(PolicyEntryRow.of(region, languages, approval, version));
            }
            row.set(languages, approval);
            row.version = version;
            return Uni.createFrom().voidItem();
        });
    }

    private static Set<String> affectedCountries(String region) {
        return RegionGroups.isGroup(region) ? Set.copyOf(RegionGroups.members(region)) : Set.of(region);
    }

    /** Re-plans the open plans in the countries, drama by drama (locked in id order); returns {plans, events}. */
    private Uni<int[]> replan(Mutiny.Session session, Set<String> countries, LanguagePolicy policy) {
        int[] counts = new int[2];
        return dramas.withOpenPlansInForUpdate(session, countries).flatMap(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().item(counts);
            }
            Map<UUID, LocalizedDrama> byId = locked.stream().collect(Collectors.toMap(drama -> drama.id, drama -> drama));
            return dramas.plansOf(session, byId.keySet()).flatMap(plans -> {
                Map<UUID, List<RegionPlan>> affected = plans.stream()
                        .filter(plan -> !plan.closed && countries.contains(plan.key.region()))
                        .collect(Collectors.groupingBy(plan -> plan.key.dramaId(), LinkedHashMap::new, Collectors.toList()));
                return Multi.createFrom().iterable(affected.entrySet())
                        .onItem().transformToUniAndConcatenate(entry -> planner.afterPolicyChange(session,
                                byId.get(entry.getKey()), entry.getValue(), policy).invoke(events -> {
                                    counts[0] += entry.getValue().size();
                                    counts[1] += events;
                                }))
                        .collect().last()
                        .replaceWith(counts);
            });
        });
    }
}
