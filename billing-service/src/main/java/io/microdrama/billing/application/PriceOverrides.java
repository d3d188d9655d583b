package io.microdrama.billing.application;

import io.microdrama.billing.domain.Actor;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.Refusal;
import io.microdrama.billing.domain.PricingAuditAction;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.billing.domain.tier.PricingTier;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;
import io.microdrama.billing.persistence.PriceRepository;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.PricingAuditRow;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditSubject;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ops overrides of a drama's price in one region: set, remove, read, and the price history. Each change runs in
 * one transaction that locks the drama (so it never interleaves with the event handler), stores the override, the
 * new price and an audit entry, and appends {@code billing.pricing.set} to the outbox. Repeating the current
 * override, or removing an override that does not exist, changes and announces nothing. Refusals are thrown before
 * anything is written.
 */
@ApplicationScoped
public class PriceOverrides {

    /** A (drama, region)'s stored price with its override, and the tier price it falls back to (today). */
    public record PricingState(boolean withdrawn, StoredPrice price, Optional<StoredOverride> override,
            Optional<DramaPrice> tierPrice, boolean changed) {

        static PricingState of(PricedDramaRow drama, DramaPriceRow price, PriceOverrideRow override,
                Optional<DramaPrice> tierPrice, boolean changed) {
            return new PricingState(drama.withdrawn, StoredPrice.of(price),
                    Optional.ofNullable(override).map(StoredOverride::of), tierPrice, changed);
        }
    }

    public record HistoryPage(List<AuditEntry> entries, int page, int size, long total) {
    }

    private final Mutiny.SessionFactory sessions;
    private final CurrentPricing currentPricing;
    private final PriceRepository prices;
    private final PriceBook book;
    private final AuditTrail audit;

    public PriceOverrides(Mutiny.SessionFactory sessions, CurrentPricing currentPricing, PriceRepository prices,
            PriceBook book, AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.currentPricing = currentPricing;
        this.prices = prices;
        this.book = book;
    }

    public Uni<PricingState> find(UUID dramaId, String region) {
        return sessions.withSession(session -> currentPricing.snapshot(session).flatMap(snapshot ->
                prices.findDrama(session, dramaId).flatMap(drama -> {
                    requireKnown(drama, dramaId);
                    return prices.price(session, dramaId, region).flatMap(row -> {
                        if (row == null) {
                            throw notPriced(dramaId, region);
                        }
                        return prices.override(session, dramaId, region).map(override -> PricingState.of(drama, row, override,
                                tierPrice(snapshot.pricing(), drama, region), false));
                    });
                })));
    }

    public Uni<PricingState> set(UUID dramaId, String region, PriceOverride override, String reason, Actor actor) {
        return sessions.withTransaction(session -> currentPricing.snapshot(session).flatMap(snapshot ->
                prices.lockDrama(session, dramaId).flatMap(drama -> {
                    requireChangeable(drama, dramaId);
                    return prices.price(session, dramaId, region).flatMap(row -> {
                        requireActive(row, dramaId, region);
                        Pricing pricing = snapshot.pricing();
                        LocalDate today = currentPricing.today();
                        PricingTier tier = tierOf(pricing, drama, today);
                        requireSeriesCoinsWithinEpisodePrices(override, drama.episodeCount);
                        return prices.override(session, dramaId, region).flatMap(existing -> {
                            if (existing != null && existing.sameAs(override, reason)) {
                                return Uni.createFrom().item(PricingState.of(drama, row, existing,
                                        tierPrice(pricing, drama, region), false));
                            }
                            Map<String, Object> before = existing == null ? null : overrideValues(existing);
                            PriceOverrideRow stored = existing != null ? existing : new PriceOverrideRow();
                            stored.key = new DramaPriceRow.Key(dramaId, region);
                            stored.coinsPerEpisode = Math.toIntExact(override.coinsPerEpisode());
                            stored.freeEpisodes = override.freeEpisodes();
                            stored.seriesCoins = override.seriesCoins().map(Math::toIntExact).orElse(null);
                            stored.reason = reason;
                            stored.setBy = actor.name();
                            stored.setBySubject = actor.subject();
                            DramaPrice price = pricing.dramaPrices().price(tier, override, drama.episodeCount,
                                    pricing.referenceData().storefrontFor(region, today), today);
                            book.apply(row, drama, region, price, PricingSet.Source.OVERRIDE);
                            stored.setAt = row.updatedAt;
                            PricingAuditRow entry = book.entry(drama, region, PricingAuditAction.OVERRIDE_SET, price,
                                    PricingSet.Source.OVERRIDE, reason, actor);
                            Uni<Void> persisted = existing != null ? Uni.createFrom().voidItem() : prices.add(session, stored);
                            return persisted.chain(() -> book.record(session, List.of(entry)))
                                    .chain(() -> book.announce(session, drama, List.of(row), PricingSet.Cause.OVERRIDE))
                                    .chain(() -> recordOverride(session, AuditRecorded.Action.PRICE_OVERRIDE_SET, drama,
                                            region, reason, actor, before, overrideValues(stored)))
                                    .replaceWith(() -> PricingState.of(drama, row, stored,
                                            tierPrice(pricing, drama, region), true));
                        });
                    });
                })));
    }

    public Uni<PricingState> remove(UUID dramaId, String region, String reason, Actor actor) {
        return sessions.withTransaction(session -> currentPricing.snapshot(session).flatMap(snapshot ->
                prices.lockDrama(session, dramaId).flatMap(drama -> {
                    requireChangeable(drama, dramaId);
                    return prices.price(session, dramaId, region).flatMap(row -> {
                        requireActive(row, dramaId, region);
                        Pricing pricing = snapshot.pricing();
                        LocalDate today = currentPricing.today();
                        return prices.override(session, dramaId, region).flatMap(existing -> {
                            if (existing == null) {
                                return Uni.createFrom().item(PricingState.of(drama, row, null,
                                        tierPrice(pricing, drama, region), false));
                            }
                            DramaPrice price = pricing.dramaPrices().price(tierOf(pricing, drama, today), drama.episodeCount,
                                    pricing.referenceData().storefrontFor(region, today), today);
                            book.apply(row, drama, region, price, PricingSet.Source.TIER);
                            PricingAuditRow entry = book.entry(drama, region, PricingAuditAction.OVERRIDE_REMOVED, price,
                                    PricingSet.Source.TIER, reason, actor);
                            Map<String, Object> before = overrideValues(existing);
                            return prices.remove(session, existing)
                                    .chain(() -> book.record(session, List.of(entry)))
                                    .chain(() -> book.announce(session, drama, List.of(row), PricingSet.Cause.OVERRIDE))
                                    .chain(() -> recordOverride(session, AuditRecorded.Action.PRICE_OVERRIDE_REMOVED,
                                            drama, region, reason, actor, before, null))
                                    .replaceWith(() -> PricingState.of(drama, row, null, Optional.of(price), true));
                        });
                    });
                })));
    }

    /**
     * The platform's audit record of an override change, beside billing's own pricing audit (which keeps the
     * resulting prices): the override's values before and after.
     */
    private Uni<Void> recordOverride(Mutiny.Session session, AuditRecorded.Action action, PricedDramaRow drama,
            String region, String reason, Actor actor, Map<String, Object> before, Map<String, Object> after) {
        return audit.record(session, new io.microdrama.support.audit.Actor(actor.name(), actor.role()), action,
                AuditSubject.dramaInRegion("price-override", drama.dramaId, drama.studioId, region), reason,
                AuditChanges.of(before, after));
    }

    private static Map<String, Object> overrideValues(PriceOverrideRow override) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("coinsPerEpisode", override.coinsPerEpisode);
        values.put("freeEpisodes", override.freeEpisodes);
        values.put("seriesCoins", override.seriesCoins);
        values.put("reason", override.reason);
        values.put("setBy", override.setBy);
        return values;
    }

    public Uni<HistoryPage> history(UUID dramaId, String region, int page, int size) {
        return sessions.withSession(session -> prices.findDrama(session, dramaId).flatMap(drama -> {
            requireKnown(drama, dramaId);
            return prices.historySize(session, dramaId, region).flatMap(total -> {
                if (total == 0) {
                    throw notPriced(dramaId, region);
                }
                return prices.history(session, dramaId, region, page, size)
                        .map(entries -> new HistoryPage(entries.stream().map(AuditEntry::of).toList(), page, size, total));
            });
        }));
    }

    /** What the drama would cost in the region without an override, with today's reference data. */
    private Optional<DramaPrice> tierPrice(Pricing pricing, PricedDramaRow drama, String region) {
        LocalDate today = currentPricing.today();
        if (drama.pricingTier == null) {
            return Optional.empty();
        }
        try {
            return pricing.tiers().find(drama.pricingTier, today)
                    .map(tier -> pricing.dramaPrices().price(tier, drama.episodeCount,
                            pricing.referenceData().storefrontFor(region, today), today));
        } catch (UnknownStorefrontException e) {
            return Optional.empty();
        }
    }

    private static PricingTier tierOf(Pricing pricing, PricedDramaRow drama, LocalDate today) {
        return pricing.tiers().find(drama.pricingTier, today).orElseThrow(() -> Refusal.conflict(
                "The drama's pricing tier '" + drama.pricingTier + "' is not in force on " + today));
    }

    private static void requireSeriesCoinsWithinEpisodePrices(PriceOverride override, int episodes) {
        long undiscounted = override.undiscountedSeriesCoins(episodes);
        override.seriesCoins().filter(coins -> coins > undiscounted).ifPresent(coins -> {
            throw Refusal.invalid("seriesCoins", "must not exceed " + undiscounted
                    + ", what the " + (episodes - Math.min(override.freeEpisodes(), episodes))
                    + " paid episodes cost one by one");
        });
    }

    private static void requireKnown(PricedDramaRow drama, UUID dramaId) {
        if (drama == null) {
            throw Refusal.notFound("Drama " + dramaId);
        }
    }

    private static void requireChangeable(PricedDramaRow drama, UUID dramaId) {
        requireKnown(drama, dramaId);
        if (drama.withdrawn) {
            throw Refusal.conflict("Drama " + dramaId + " is withdrawn (version " + drama.dramaVersion
                    + "): its prices stopped and cannot be overridden");
        }
    }

    private static void requireActive(DramaPriceRow row, UUID dramaId, String region) {
        if (row == null || !row.active) {
            throw notPriced(dramaId, region);
        }
    }

    private static Refusal notPriced(UUID dramaId, String region) {
        return Refusal.notFound("A price of drama " + dramaId + " in " + region);
    }
}
