package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.ApprovalRule;
import io.microdrama.localization.domain.LanguagePolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The language policy in the database: current entries plus a change log whose highest version is the policy
 * version. Version 1 is the shipped CSV, written by whichever transaction first finds the log empty.
 * <p>
 * Writers of plans read the policy under a shared advisory lock and policy changes take it exclusively, so a drama
 * is never planned with a policy that a concurrent change has already replaced.
 * <p>
 * Every drama event reads the policy, and a version's entries never change (a change writes the next version in the
 * same transaction), so the entries are read from the database once per version in this process and kept: each
 * event reads only the version. Read for every event as managed entities, the entries (54 in the shipped policy) were
 * also dirty-checked at every flush of the event's transaction: 6.7 % of the service's CPU samples in a profile at 50
 * publications a second.
 */
@ApplicationScoped
public class PolicyRepository {

    static final String LOCK_KEY = "hashtext('microdrama-localization-language-policy')";
    public static final String SEED_AUTHOR = "seed";

    /**
     * The entries and the version they belong to, in one statement so that both come from one snapshot: a caller
     * without the lock (the policy's read API) could otherwise pair a version with the entries of a change that
     * committed in between, and keep that pair.
     */
    private static final String ENTRIES_WITH_VERSION = "select e.region, e.languages, e.approvalRequired, "
            + "e.approvalLanguages, e.noApprovalLanguages, (select coalesce(max(c.version), 0L) from PolicyChangeRow c) "
            + "from PolicyEntryRow e order by e.region";

    /** The policy last read from the database; replaced when the database's version differs. */
    private final AtomicReference<LanguagePolicy> lastRead = new AtomicReference<>();

    /** Blocks policy changes until the transaction ends; concurrent readers do not block each other. */
    public Uni<Void> lockShared(Mutiny.Session session) {
        // Run for its effect, its row not read: Hibernate Reactive stores a new plan for every execution of a native
        // query whose rows it maps, and this one runs for every drama planned (see service-support's QueryPlans).
        return session.createNativeQuery("select pg_advisory_xact_lock_shared(" + LOCK_KEY + ")").executeUpdate()
                .replaceWithVoid();
    }

    /** Waits for readers and other changes to finish, then holds the policy until the transaction ends. */
    public Uni<Void> lockExclusive(Mutiny.Session session) {
        return session.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").executeUpdate().replaceWithVoid();
    }

    /** The current policy; seeds version 1 from the shipped CSV when the database has none yet. */
    public Uni<LanguagePolicy> current(Mutiny.Session session) {
        return version(session).flatMap(version -> version > 0 ? load(session, version)
                : seed(session).chain(() -> version(session)).flatMap(seeded -> load(session, seeded)));
    }

    public Uni<Long> version(Mutiny.Session session) {
        return session.createSelectionQuery("select coalesce(max(c.version), 0L) from PolicyChangeRow c", Long.class)
                .getSingleResult();
    }

    public Uni<List<PolicyChangeRow>> history(Mutiny.Session session, int offset, int limit) {
        return session.createSelectionQuery("from PolicyChangeRow order by version desc", PolicyChangeRow.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public Uni<PolicyEntryRow> entry(Mutiny.Session session, String region) {
        return session.find(PolicyEntryRow.class, region);
    }

    /** Appends a change to the log; the caller holds the exclusive lock, so versions never collide. */
    public Uni<PolicyChangeRow> appendChange(Mutiny.Session session, long version, String region, List<String> languages,
            ApprovalRule approval, String changedBy, String note, Instant now) {
        PolicyChangeRow change = new PolicyChangeRow();
        change.version = version;
        change.changedAt = now;
        change.changedBy = changedBy;
        change.region = region;
        change.languages = languages == null ? null : String.join(" ", languages);
        change.note = note;
        if (languages != null) {
            change.approvalRequired = approval.required();
            change.approvalLanguages = String.join(" ", PolicyEntryRow.exceptions(approval, true));
            change.noApprovalLanguages = String.join(" ", PolicyEntryRow.exceptions(approval, false));
        }
        return session.persist(change).replaceWith(change);
    }

    private Uni<LanguagePolicy> load(Mutiny.Session session, long version) {
        LanguagePolicy known = lastRead.get();
        if (known != null && known.version() == version) {
            return Uni.createFrom().item(known);
        }
        return session.createSelectionQuery(ENTRIES_WITH_VERSION, Object[].class).getResultList().map(rows -> {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            Map<String, ApprovalRule> approvals = new LinkedHashMap<>();
            long readVersion = version;
            for (Object[] row : rows) {
                String region = (String) row[0];
                entries.put(region, List.copyOf(languages(row[1])));
                approvals.put(region, PolicyEntryRow.rule((Boolean) row[2], languages(row[3]), languages(row[4])));
                readVersion = (Long) row[5];
            }
            LanguagePolicy read = new LanguagePolicy(readVersion, entries, approvals);
            lastRead.set(read);
            return read;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> languages(Object converted) {
        return converted == null ? List.of() : (List<String>) converted;
    }

    /**
     * Inserts version 1 unless another transaction did; {@code on conflict do nothing} waits for a concurrent seeder
     * to commit, so exactly one of them writes the entries.
     */
    private Uni<Void> seed(Mutiny.Session session) {
        return session.createNativeQuery("insert into language_policy_change (version, changed_at, changed_by, note) "
                        + "values (1, now(), :author, :note) on conflict do nothing")
                .setParameter("author", SEED_AUTHOR)
                .setParameter("note", "shipped " + LanguagePolicy.RESOURCE.substring(1))
                .executeUpdate()
                .flatMap(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Object[] rows = LanguagePolicy.shippedEntries().entrySet().stream()
                            .map(entry -> PolicyEntryRow.of(entry.getKey(), entry.getValue(), 1)).toArray();
                    return session.persistAll(rows).call(session::flush);
                });
    }
}
