package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.support.inbox.Inbox;
import io.microdrama.support.inbox.IncomingDelivery;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The answers of localization and billing for one (drama, region). Each is applied at most once per event id, in one
 * transaction with its inbox row, and only for its drama version or a newer one: stale versions, duplicates and
 * regions no longer licensed change nothing. The row is locked first (see {@link DramaRepository#rolloutForUpdate}).
 */
@ApplicationScoped
public class RolloutAnswers {

    /** Inbox consumer names: an event id counts once per consumer. */
    public static final String READINESS_CONSUMER = "catalog.localization-readiness";
    public static final String PRICING_CONSUMER = "catalog.billing-pricing";
    private static final Logger LOG = Logger.getLogger(RolloutAnswers.class);

    private final Inbox inbox;
    private final DramaRepository dramas;
    private final StorefrontCache storefront;
    private final Clock clock;

    public RolloutAnswers(Inbox inbox, DramaRepository dramas, StorefrontCache storefront, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.dramas = dramas;
        this.storefront = storefront;
    }

    /** What localization said about one region: every episode has accepted subtitles in its languages, or not. */
    public record Readiness(UUID dramaId, String region, long dramaVersion, boolean ready, List<String> missingLanguages,
            List<String> availableLanguages) {
    }

    /** The regional price billing set for one drama version. */
    public record Price(UUID dramaId, String region, long dramaVersion, String currency, long amountMinor, int minorUnits,
            int coinsPerEpisode, int freeEpisodes) {
    }

    /** Applies a readiness answer once per CloudEvent id, in one transaction with its inbox row. */
    public Uni<Void> applyReadiness(IncomingEvent event, Readiness readiness) {
        return inbox.once(READINESS_CONSUMER, event, session -> apply(session,
                new RegionalRollout.Key(readiness.dramaId(), readiness.region()),
                rollout -> rollout.applyReadiness(readiness.dramaVersion(), readiness.ready(),
                        readiness.missingLanguages(), readiness.availableLanguages()),
                "readiness v" + readiness.dramaVersion()))
                // After the commit: this replica's cache at once (the NOTIFY of the change reaches every replica).
                .invoke(() -> storefront.invalidateRegion(readiness.region()));
    }

    /** Applies a price once per CloudEvent id, in one transaction with its inbox row. */
    public Uni<Void> applyPrice(IncomingEvent event, Price price) {
        return inbox.once(PRICING_CONSUMER, event, session -> apply(session,
                new RegionalRollout.Key(price.dramaId(), price.region()),
                rollout -> rollout.applyPrice(price.dramaVersion(), price.currency(), price.amountMinor(),
                        price.minorUnits(), price.coinsPerEpisode(), price.freeEpisodes()),
                "price v" + price.dramaVersion()))
                .invoke(() -> storefront.invalidateRegion(price.region()));
    }

    /**
     * Readiness answers of one poll, applied in one transaction with their inbox rows (see {@link #applyAll}).
     */
    public Uni<Void> applyReadinessAll(List<IncomingDelivery.Decoded<Readiness>> answers) {
        return applyAll(READINESS_CONSUMER, answers, Readiness::dramaId, Readiness::region, (rollout, readiness) ->
                rollout.applyReadiness(readiness.dramaVersion(), readiness.ready(), readiness.missingLanguages(),
                        readiness.availableLanguages()), readiness -> "readiness v" + readiness.dramaVersion());
    }

    /** Prices of one poll, applied in one transaction with their inbox rows (see {@link #applyAll}). */
    public Uni<Void> applyPriceAll(List<IncomingDelivery.Decoded<Price>> answers) {
        return applyAll(PRICING_CONSUMER, answers, Price::dramaId, Price::region, (rollout, price) ->
                rollout.applyPrice(price.dramaVersion(), price.currency(), price.amountMinor(), price.minorUnits(),
                        price.coinsPerEpisode(), price.freeEpisodes()), price -> "price v" + price.dramaVersion());
    }

    /**
     * One transaction for many answers (a drama's regions arrive together): the inbox rows in one statement
     * (duplicates left out), every row of the answers' dramas locked in one query, in (drama, region) order so that two
     * transactions on the same rows (readiness and pricing, two replicas) wait instead of deadlocking, then each answer
     * applied in memory in arrival order as {@link #apply} does, and the changed rows written back (batched by
     * Hibernate). A few round trips per poll instead of four per answer.
     */
    private <T> Uni<Void> applyAll(String consumer, List<IncomingDelivery.Decoded<T>> answers,
            Function<T, UUID> dramaId, Function<T, String> region, BiPredicate<RegionalRollout, T> answer,
            Function<T, String> what) {
        Map<String, T> byEventId = new HashMap<>();
        answers.forEach(decoded -> byEventId.putIfAbsent(decoded.event().id(), decoded.value()));
        List<IncomingEvent> events = answers.stream().map(IncomingDelivery.Decoded::event).toList();
        return inbox.onceEach(consumer, events, (session, firsts) -> {
            List<T> fresh = firsts.stream().map(event -> byEventId.get(event.id())).toList();
            Set<UUID> dramaIds = fresh.stream().map(dramaId).collect(Collectors.toCollection(LinkedHashSet::new));
            return dramas.rolloutsOfForUpdate(session, dramaIds).chain(rows -> {
                Map<RegionalRollout.Key, RegionalRollout> byKey = new HashMap<>();
                rows.forEach(row -> byKey.put(row.key, row));
                Set<RegionalRollout> changed = new LinkedHashSet<>();
                for (T one : fresh) {
                    RegionalRollout rollout = byKey.get(new RegionalRollout.Key(dramaId.apply(one), region.apply(one)));
                    if (rollout == null) {
                        LOG.debugf("%s for unlicensed %s/%s ignored", what.apply(one), dramaId.apply(one), region.apply(one));
                    } else if (!answer.test(rollout, one)) {
                        LOG.debugf("Stale %s for %s/%s ignored", what.apply(one), dramaId.apply(one), region.apply(one));
                    } else {
                        rollout.recordProgress(clock.instant());
                        changed.add(rollout);
                    }
                }
                return changed.isEmpty() ? Uni.createFrom().voidItem() : dramas.updateRollouts(session, List.copyOf(changed));
            });
        }).invoke(() -> answers.stream().map(decoded -> region.apply(decoded.value())).distinct()
                .forEach(storefront::invalidateRegion));
    }

    private Uni<Void> apply(Mutiny.Session session, RegionalRollout.Key key, Predicate<RegionalRollout> answer, String what) {
        return dramas.rolloutForUpdate(session, key).chain(rollout -> {
            if (rollout == null) {
                LOG.debugf("%s for unlicensed %s/%s ignored", what, key.dramaId(), key.region());
                return Uni.createFrom().voidItem();
            }
            if (!answer.test(rollout)) {
                LOG.debugf("Stale %s for %s/%s ignored", what, key.dramaId(), key.region());
                return Uni.createFrom().voidItem();
            }
            rollout.recordProgress(clock.instant());
            return dramas.updateRollouts(session, List.of(rollout));
        });
    }
}
