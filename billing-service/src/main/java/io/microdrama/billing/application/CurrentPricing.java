package io.microdrama.billing.application;

import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.Recorded;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;
import io.microdrama.billing.persistence.ReferenceVersionStore;
import io.microdrama.billing.persistence.ReferenceVersionStore.Stored;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The reference data in force in this replica: the CSV files shipped in the jar (the seed) plus every version
 * admins stored in the database. Read once, then swapped as a whole: right after this replica stores a change,
 * and within {@code billing.reference.refresh-interval} of a change made through another replica.
 */
@ApplicationScoped
public class CurrentPricing {

    private static final Logger LOG = Logger.getLogger(CurrentPricing.class);

    /** The pricing in force and who recorded each stored version; {@code revision} only grows. */
    public record Snapshot(Pricing pricing, Map<String, Recorded> recorded, long revision) {
        /** Who stored the version with this key; empty for versions from the shipped files. */
        public Optional<Recorded> recordedBy(String key) {
            return Optional.ofNullable(recorded.get(key));
        }

        public Optional<Recorded> recordedBy(Storefront version) {
            return recordedBy(ReferenceVersionStore.key(version));
        }

        public Optional<Recorded> recordedBy(FxRate version) {
            return recordedBy(ReferenceVersionStore.key(version));
        }

        public Optional<Recorded> recordedBy(PurchasingPowerFactor version) {
            return recordedBy(ReferenceVersionStore.key(version));
        }

        public Optional<Recorded> recordedBy(PricingTierVersion version) {
            return recordedBy(ReferenceVersionStore.key(version));
        }
    }

    private final Pricing seed = Pricing.loadDefault();
    private final Mutiny.SessionFactory sessions;
    private final ReferenceVersionStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public CurrentPricing(Mutiny.SessionFactory sessions, ReferenceVersionStore store, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.clock = clock;
    }

    /** The UTC date prices are computed for right now. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Uni<Snapshot> snapshot() {
        Snapshot current = snapshot;
        return current != null ? Uni.createFrom().item(current) : sessions.withSession(this::load);
    }

    /** Same as {@link #snapshot()}, reading through the caller's session if nothing is loaded yet. */
    public Uni<Snapshot> snapshot(Mutiny.Session session) {
        Snapshot current = snapshot;
        return current != null ? Uni.createFrom().item(current) : load(session);
    }

    /**
     * The snapshot of the revision stored right now, read through the caller's session (reloaded when this
     * replica's copy is older): for work that must not price with data another replica already replaced.
     */
    public Uni<Snapshot> stored(Mutiny.Session session) {
        return store.revision(session).flatMap(revision -> {
            Snapshot current = snapshot;
            return current != null && current.revision() == revision ? Uni.createFrom().item(current) : load(session);
        });
    }

    public Uni<Pricing> pricing() {
        return snapshot().map(Snapshot::pricing);
    }

    /** The shipped data alone (what admin versions are added to). */
    public Pricing seed() {
        return seed;
    }

    /** Pricing from the seed plus stored versions; throws if they do not fit together. */
    public Snapshot build(Stored stored) {
        return new Snapshot(seed.withVersions(stored.versions()), stored.recorded(), stored.revision());
    }

    /** Takes a newer snapshot (e.g. after this replica committed a change); an older one is ignored. */
    public synchronized void offer(Snapshot candidate) {
        if (snapshot == null || candidate.revision() >= snapshot.revision()) {
            snapshot = candidate;
        }
    }

    private Uni<Snapshot> load(Mutiny.Session session) {
        return store.loadAll(session).map(this::build).invoke(this::offer);
    }

    // Skipped while the application stops: its connection pool is closing, and a run would only log a failure.
    @Scheduled(identity = "reference-data-refresh", every = "${billing.reference.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return sessions.withSession(session -> store.revision(session).flatMap(revision -> {
                    Snapshot current = snapshot;
                    if (current != null && current.revision() == revision) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Reference data changed (revision %d): reloading", revision);
                    return load(session).replaceWithVoid();
                }))
                .onFailure().invoke(failure -> LOG.warnf("Reference data refresh failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
