package io.microdrama.billing.application;

import io.microdrama.billing.domain.Actor;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.PricingAuditAction;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PricingTier;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;
import io.microdrama.billing.persistence.PriceRepository;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.PricingAuditRow;
import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.inbox.CatalogDramaEvent;
import io.microdrama.support.inbox.Inbox;
import io.microdrama.support.inbox.IncomingDelivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens when catalog's drama events arrive, each in one transaction and at most once (the inbox skips
 * redeliveries; events for a version older than or equal to the one billing already applied change nothing).
 * <ul>
 * <li>{@code drama.published}: each licensed country gets the price of the drama's pricing tier (the tier version
 * in force today) in its storefront currency; where ops set an override for that country, the override is applied
 * on top of the new version. Each price is stored, written to the audit trail and announced as
 * {@code billing.pricing.set} (source {@code TIER} or {@code OVERRIDE}) through the outbox. Countries no longer
 * licensed lose their price (inactive, audited). A country without a storefront, or an unknown tier, gets no price
 * (catalog keeps it WAITING on NO_PRICE).</li>
 * <li>{@code drama.withdrawn}: prices stop (inactive, audited); nothing is announced and ops can no longer
 * override them. A later publication (a higher version) prices the drama again.</li>
 * </ul>
 */
@ApplicationScoped
public class DramaPricing {

    /** The inbox key of this consumer (kept from before the move, so processed events stay processed). */
    static final String CONSUMER = "billing.catalog-dramas";
    private static final Logger LOG = Logger.getLogger(DramaPricing.class);

    private final Inbox inbox;
    private final CurrentPricing currentPricing;
    private final PriceRepository prices;
    private final PriceBook book;
    private final Clock clock;

    public DramaPricing(Inbox inbox, CurrentPricing currentPricing, PriceRepository prices, PriceBook book, Clock clock) {
        this.inbox = inbox;
        this.currentPricing = currentPricing;
        this.prices = prices;
        this.book = book;
        this.clock = clock;
    }

    /**
     * The catalog events of one poll in one transaction with their inbox rows, each applied in arrival order as
     * {@link #apply} would (the same session, flushed between events): one commit per poll instead of per drama.
     */
    public Uni<Void> applyAll(List<IncomingDelivery.Decoded<CatalogDramaEvent>> events) {
        return inbox.onceEachInTurn(CONSUMER, events, (session, decoded) -> applyIn(session, decoded.value()));
    }

    /** Applies one decoded catalog event (publication or withdrawal) in its own transaction, unless applied before. */
    public Uni<Void> apply(CatalogDramaEvent event) {
        return inbox.once(CONSUMER, event.envelope(), session -> applyIn(session, event));
    }

    private Uni<Void> applyIn(Mutiny.Session session, CatalogDramaEvent event) {
        if (event instanceof CatalogDramaEvent.Published published) {
            return pricePublished(session, published);
        }
        return stopPrices(session, (CatalogDramaEvent.Withdrawn) event);
    }

    private Uni<Void> pricePublished(Mutiny.Session session, CatalogDramaEvent.Published event) {
        UUID dramaId = event.dramaId();
        DramaPublished drama = event.drama();
        return currentPricing.snapshot(session).flatMap(snapshot -> prices.lockDrama(session, dramaId).flatMap(known ->
                prices.prices(session, dramaId).flatMap(existing -> {
                    if (isStale(known, existing, drama.dramaVersion())) {
                        LOG.debugf("drama.published v%d of %s is not newer than what was applied: ignored",
                                drama.dramaVersion(), dramaId);
                        return Uni.createFrom().voidItem();
                    }
                    PricedDramaRow priced = known != null ? known : newDrama(dramaId, event.lane());
                    priced.studioId = drama.studioId();
                    priced.dramaVersion = drama.dramaVersion();
                    priced.pricingTier = drama.pricingTier();
                    priced.episodeCount = drama.episodes().size();
                    priced.withdrawn = false;
                    priced.updatedAt = clock.instant();
                    Uni<Void> stored = known != null ? Uni.createFrom().voidItem() : prices.add(session, priced);
                    return stored.chain(() -> prices.overrides(session, dramaId))
                            .chain(overrides -> priceRegions(session, event, priced, snapshot.pricing(), existing, overrides));
                })));
    }

    private Uni<Void> priceRegions(Mutiny.Session session, CatalogDramaEvent.Published event, PricedDramaRow priced,
            Pricing pricing, Map<String, DramaPriceRow> existing, Map<String, PriceOverrideRow> overrides) {
        DramaPublished drama = event.drama();
        LocalDate today = currentPricing.today();
        Optional<PricingTier> tier = pricing.tiers().find(drama.pricingTier(), today);
        String reason = "drama.published v" + drama.dramaVersion() + " (event " + event.envelope().id() + ")";
        List<String> regions = tier.isEmpty() ? List.of()
                : drama.licences().stream().map(DramaPublished.Licence::region).distinct().toList();
        if (tier.isEmpty()) {
            LOG.warnf("Drama %s uses unknown pricing tier '%s': no prices", drama.dramaId(), drama.pricingTier());
        }
        List<DramaPriceRow> announced = new ArrayList<>();
        List<DramaPriceRow> created = new ArrayList<>();
        List<PricingAuditRow> audit = new ArrayList<>();
        for (String region : regions) {
            Storefront storefront;
            try {
                storefront = pricing.referenceData().storefrontFor(region, today);
            } catch (UnknownStorefrontException e) {
                LOG.warnf("No storefront for %s: drama %s gets no price there", region, drama.dramaId());
                continue;
            }
            DramaPrice tierPrice = pricing.dramaPrices().price(tier.get(), priced.episodeCount, storefront, today);
            audit.add(book.entry(priced, region, PricingAuditAction.TIER_PRICED, tierPrice, PricingSet.Source.TIER,
                    reason, Actor.BILLING_SERVICE));
            DramaPrice effective = tierPrice;
            PricingSet.Source source = PricingSet.Source.TIER;
            PriceOverrideRow override = overrides.get(region);
            if (override != null) {
                effective = pricing.dramaPrices().price(tier.get(), override.toDomain(), priced.episodeCount, storefront, today);
                source = PricingSet.Source.OVERRIDE;
                audit.add(book.entry(priced, region, PricingAuditAction.OVERRIDE_REAPPLIED, effective, source,
                        override.reason, Actor.BILLING_SERVICE));
            }
            DramaPriceRow row = existing.get(region);
            if (row == null) {
                row = new DramaPriceRow();
                created.add(row);
            }
            book.apply(row, priced, region, effective, source);
            announced.add(row);
        }
        // Countries of the previous version that this one does not price any more (no licence, no storefront).
        existing.values().stream().filter(row -> row.active && !announced.contains(row)).forEach(row -> {
            row.active = false;
            row.updatedAt = clock.instant();
            audit.add(book.entry(row, drama.dramaVersion(), PricingAuditAction.PRICES_STOPPED, reason + ": no price for this version",
                    Actor.BILLING_SERVICE));
        });
        return prices.add(session, created)
                .chain(() -> book.record(session, audit))
                .chain(() -> book.announce(session, priced, announced, PricingSet.Cause.PUBLICATION));
    }

    private Uni<Void> stopPrices(Mutiny.Session session, CatalogDramaEvent.Withdrawn event) {
        UUID dramaId = event.dramaId();
        DramaWithdrawn withdrawn = event.drama();
        return prices.lockDrama(session, dramaId).flatMap(known -> prices.prices(session, dramaId).flatMap(existing -> {
            if (isStale(known, existing, withdrawn.dramaVersion())) {
                LOG.debugf("drama.withdrawn v%d of %s is not newer than what was applied: ignored",
                        withdrawn.dramaVersion(), dramaId);
                return Uni.createFrom().voidItem();
            }
            // A withdrawal may overtake its publication; the row then keeps the publication (an older version) out.
            PricedDramaRow priced = known != null ? known : newDrama(dramaId, event.lane());
            priced.studioId = withdrawn.studioId();
            priced.dramaVersion = withdrawn.dramaVersion();
            priced.withdrawn = true;
            priced.updatedAt = clock.instant();
            String reason = "drama.withdrawn v" + withdrawn.dramaVersion() + " (event " + event.envelope().id() + ")";
            List<PricingAuditRow> audit = new ArrayList<>();
            existing.values().stream().filter(row -> row.active).forEach(row -> {
                row.active = false;
                row.updatedAt = clock.instant();
                audit.add(book.entry(row, withdrawn.dramaVersion(), PricingAuditAction.PRICES_STOPPED, reason, Actor.BILLING_SERVICE));
            });
            Uni<Void> stored = known != null ? Uni.createFrom().voidItem() : prices.add(session, priced);
            return stored.chain(() -> book.record(session, audit));
        }));
    }

    /**
     * Catalog counts publications and withdrawals in one version sequence, so anything not newer than the version
     * already applied is a duplicate or arrived late. Prices stored before {@code priced_drama} existed still count.
     */
    private static boolean isStale(PricedDramaRow known, Map<String, DramaPriceRow> existing, long version) {
        long applied = known != null ? known.dramaVersion
                : existing.values().stream().mapToLong(row -> row.dramaVersion).max().orElse(0);
        return version <= applied;
    }

    /** A drama billing first hears of; it keeps this answer lane (catalog keeps its event lane too), so its announcements stay in order. */
    private static PricedDramaRow newDrama(UUID dramaId, EventLane lane) {
        PricedDramaRow row = new PricedDramaRow();
        row.dramaId = dramaId;
        row.answerLane = lane;
        return row;
    }
}
