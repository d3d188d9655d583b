package io.microdrama.billing.application;

import io.microdrama.billing.config.BillingConfig;
import io.microdrama.billing.domain.Actor;
import io.microdrama.billing.domain.PriceInForce;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.PricingAuditAction;
import io.microdrama.billing.domain.ReferenceCalendar;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.PricingAuditRow;
import io.microdrama.billing.persistence.RepricingRepository;
import io.microdrama.billing.persistence.RepricingStateRow;
import io.microdrama.contracts.events.PricingSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices that follow the market. When the reference data in force changes (an admin stored an FX rate, PPP factor,
 * storefront or tier version, or a dated version came into force today), every active (drama, region) price is
 * computed again with {@link PriceInForce}; where it differs from what was announced it is stored, audited
 * ({@code REPRICED}) and announced as {@code billing.pricing.set} with cause {@code REPRICE}, in the transaction of
 * its batch. Overrides stay in force (source {@code OVERRIDE}); only the local value of their coins moves.
 * <p>
 * The sweep is one row in the database: its target (reference revision, pricing date) and a cursor. Each batch of
 * dramas is one transaction that locks that row (another replica skips the round), locks the dramas like every
 * other writer of their prices, and moves the cursor, so a restart goes on where the last commit left off, and a
 * newer target restarts the walk from the first drama. Rounds are paced to
 * {@code billing.repricing.prices-per-second}: a change touching every storefront becomes a steady stream, not a
 * flood of the outbox and of catalog.
 */
@ApplicationScoped
public class Repricing {

    private static final Logger LOG = Logger.getLogger(Repricing.class);

    /** Where a sweep stands, for admins and the console. */
    public record Status(long targetRevision, LocalDate targetDate, boolean completed, Instant startedAt,
            Instant completedAt, long checked, long repriced) {
    }

    /** One active price of a region as it is and as it will be on {@code date}. */
    public record Change(UUID dramaId, String pricingTier, boolean overridden, StoredPrice current, DramaPrice next) {
    }

    /** What re-pricing will do in a region on {@code date}: the prices that change (a page of them) and how many. */
    public record Preview(String region, LocalDate today, LocalDate date, List<LocalDate> upcoming, int activePrices,
            long affected, int page, int size, List<Change> changes) {
    }

    private final Mutiny.SessionFactory sessions;
    private final CurrentPricing currentPricing;
    private final RepricingRepository repository;
    private final PriceBook book;
    private final BillingConfig.Repricing config;
    private final Clock clock;
    private final Counter repriced;

    public Repricing(Mutiny.SessionFactory sessions, CurrentPricing currentPricing, RepricingRepository repository,
            PriceBook book, BillingConfig config, Clock clock, MeterRegistry metrics) {
        this.sessions = sessions;
        this.currentPricing = currentPricing;
        this.repository = repository;
        this.book = book;
        this.config = config.repricing();
        this.clock = clock;
        this.repriced = metrics.counter("billing.repricing.prices.repriced");
    }

    // Skipped while the application stops: its connection pool is closing, and a run would only log a failure.
    @Scheduled(identity = "repricing", every = "${billing.repricing.interval:1s}", delayed = "${billing.repricing.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledRound() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        long budget = Math.max(1, config.pricesPerSecond() * config.interval().toMillis() / 1000);
        return round(budget)
                .onFailure().invoke(failure -> LOG.warnf("Re-pricing round failed (retried next round): %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Goes on with the sweep until about {@code budget} prices were checked or nothing is left to do; returns how
     * many prices were checked.
     */
    public Uni<Long> round(long budget) {
        return batch().flatMap(checked -> {
            if (checked < 0 || checked >= budget) {
                return Uni.createFrom().item((long) Math.max(checked, 0));
            }
            return round(budget - checked).map(more -> checked + more);
        });
    }

    /** One batch in one transaction; -1 when there is nothing to do (sweep done, or another replica sweeping). */
    Uni<Integer> batch() {
        return sessions.withTransaction(session -> repository.lockState(session).flatMap(state -> {
            if (state == null) {
                return Uni.createFrom().item(-1);
            }
            return currentPricing.stored(session).flatMap(snapshot -> {
                LocalDate today = currentPricing.today();
                if (state.targetRevision != snapshot.revision() || !state.targetDate.equals(today)) {
                    LOG.infof("Re-pricing every active price: reference revision %d, pricing date %s (was %d, %s)",
                            snapshot.revision(), today, state.targetRevision, state.targetDate);
                    restart(state, snapshot.revision(), today);
                } else if (state.completed) {
                    return Uni.createFrom().item(-1);
                }
                return repository.lockDramasAfter(session, state.cursorDrama, config.batchSize())
                        .flatMap(dramas -> reprice(session, state, snapshot.pricing(), today, snapshot.revision(), dramas));
            });
        }));
    }

    private void restart(RepricingStateRow state, long revision, LocalDate today) {
        state.targetRevision = revision;
        state.targetDate = today;
        state.cursorDrama = null;
        state.completed = false;
        state.startedAt = clock.instant();
        state.completedAt = null;
        state.checked = 0;
        state.repriced = 0;
    }

    private Uni<Integer> reprice(Mutiny.Session session, RepricingStateRow state, Pricing pricing, LocalDate today,
            long revision, List<PricedDramaRow> dramas) {
        if (dramas.isEmpty()) {
            state.completed = true;
            state.completedAt = clock.instant();
            LOG.infof("Re-pricing done: %d prices checked, %d re-priced (revision %d, %s)", state.checked, state.repriced,
                    revision, today);
            return Uni.createFrom().item(0);
        }
        List<UUID> ids = dramas.stream().map(drama -> drama.dramaId).toList();
        String reason = "reference data revision " + revision + " in force on " + today;
        return repository.activePrices(session, ids).flatMap(active -> repository.overrides(session, ids).flatMap(overrides -> {
            List<Outbox.Pending> changed = new ArrayList<>();
            List<PricingAuditRow> audit = new ArrayList<>();
            int checked = 0;
            for (PricedDramaRow drama : dramas) {
                for (DramaPriceRow row : active.getOrDefault(drama.dramaId, List.of())) {
                    checked++;
                    Optional<PriceOverrideRow> override = Optional.ofNullable(overrides.get(row.key));
                    Optional<DramaPrice> next = PriceInForce.on(pricing, drama.pricingTier, drama.episodeCount,
                            row.key.region(), override.map(PriceOverrideRow::toDomain), today);
                    PricingSet.Source source = override.isPresent() ? PricingSet.Source.OVERRIDE : PricingSet.Source.TIER;
                    if (next.isEmpty() || !book.differs(row, next.get(), source)) {
                        continue;
                    }
                    book.apply(row, drama, row.key.region(), next.get(), source);
                    audit.add(book.entry(drama, row.key.region(), PricingAuditAction.REPRICED, next.get(), source,
                            override.isPresent() ? reason + "; the ops override stays in force" : reason,
                            Actor.BILLING_SERVICE));
                    changed.add(book.announcement(drama, row, PricingSet.Cause.REPRICE));
                }
            }
            state.cursorDrama = ids.get(ids.size() - 1);
            state.checked += checked;
            state.repriced += changed.size();
            repriced.increment(changed.size());
            int checkedInBatch = checked;
            return book.record(session, audit)
                    .chain(() -> book.announce(session, changed))
                    // An empty batch of prices still moved the cursor: count it as one so that a round always ends.
                    .replaceWith(Math.max(checkedInBatch, 1));
        }));
    }

    public Uni<Status> status() {
        return sessions.withSession(session -> repository.state(session).map(state -> new Status(state.targetRevision,
                state.targetDate, state.completed, state.startedAt, state.completedAt, state.checked, state.repriced)));
    }

    /**
     * What re-pricing will do to the region's active prices on {@code date} (default: the next date a dated version
     * comes into force there, else today, which shows what a sweep still has to apply): linear in the region's
     * active prices.
     */
    public Uni<Preview> preview(String region, Optional<LocalDate> date, int page, int size) {
        return sessions.withSession(session -> currentPricing.stored(session).flatMap(snapshot -> {
            Pricing pricing = snapshot.pricing();
            LocalDate today = currentPricing.today();
            List<LocalDate> upcoming = ReferenceCalendar.changesAfter(pricing, region, today);
            LocalDate on = date.orElse(upcoming.isEmpty() ? today : upcoming.get(0));
            return repository.activeInRegion(session, region).flatMap(rows -> repository.overridesIn(session, region)
                    .map(overrides -> {
                        List<Change> changes = new ArrayList<>();
                        for (Object[] pair : rows) {
                            DramaPriceRow row = (DramaPriceRow) pair[0];
                            PricedDramaRow drama = (PricedDramaRow) pair[1];
                            Optional<PriceOverride> override = Optional.ofNullable(overrides.get(drama.dramaId))
                                    .map(PriceOverrideRow::toDomain);
                            PricingSet.Source source = override.isPresent() ? PricingSet.Source.OVERRIDE : PricingSet.Source.TIER;
                            PriceInForce.on(pricing, drama.pricingTier, drama.episodeCount, region, override, on)
                                    .filter(next -> book.differs(row, next, source))
                                    .ifPresent(next -> changes.add(new Change(drama.dramaId, drama.pricingTier,
                                            override.isPresent(), StoredPrice.of(row), next)));
                        }
                        int from = (int) Math.min((long) page * size, changes.size());
                        int to = Math.min(from + size, changes.size());
                        return new Preview(region, today, on, upcoming, rows.size(), changes.size(), page, size,
                                List.copyOf(changes.subList(from, to)));
                    }));
        }));
    }
}
