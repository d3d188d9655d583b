package io.microdrama.billing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.inbox.IdempotentConsumer;
import io.microdrama.support.inbox.IncomingEvent;
import io.microdrama.support.inbox.CatalogDramaEvents;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happens when catalog's drama events arrive.
 * <ul>
 * <li>{@code drama.published}: each licensed country gets the price of the drama's pricing tier in its storefront
 * currency, stored and announced as {@code billing.pricing.set} through the outbox. A country without a storefront,
 * or an unknown tier, gets no price (catalog keeps it WAITING on NO_PRICE). Older versions change nothing.</li>
 * <li>{@code drama.withdrawn}: prices stop (inactive); nothing is announced.</li>
 * </ul>
 */
@ApplicationScoped
public class DramaEventsHandler {

    static final String CONSUMER = "billing.catalog-dramas";
    private static final Logger LOG = Logger.getLogger(DramaEventsHandler.class);

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Pricing pricing;
    private final Clock clock;

    public DramaEventsHandler(IdempotentConsumer consumer, Outbox outbox, ObjectMapper json, Pricing pricing, Clock clock) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.json = json;
        this.pricing = pricing;
        this.clock = clock;
    }

    @Incoming("dramas")
    public Uni<Void> onMessage(Message<String> message) {
        return consumer.consume(message, CONSUMER, this::apply);
    }

    private Uni<Void> apply(Mutiny.Session session, IncomingEvent event) {
        return CatalogDramaEvents.dispatch(event, json,
                published -> pricePublished(session, published), withdrawn -> stopPrices(session, withdrawn));
    }

    private Uni<Void> pricePublished(Mutiny.Session session, DramaPublished drama) {
        UUID dramaId = UUID.fromString(drama.dramaId());
        if (pricing.tiers().find(drama.pricingTier()).isEmpty()) {
            LOG.warnf("Drama %s uses unknown pricing tier '%s': no prices", drama.dramaId(), drama.pricingTier());
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return pricesOf(session, dramaId).flatMap(existing -> {
            if (existing.values().stream().anyMatch(row -> row.dramaVersion > drama.dramaVersion())) {
                return Uni.createFrom().voidItem();
            }
            existing.values().forEach(row -> row.active = false);
            List<DramaPriceRow> rows = drama.licences().stream().map(DramaPublished.Licence::region).distinct()
                    .map(region -> priceRow(drama, dramaId, region, today, existing.get(region)))
                    .filter(Objects::nonNull)
                    .toList();
            return session.persistAll(rows.stream().filter(row -> !existing.containsValue(row)).toArray())
                    .chain(() -> outbox.appendAll(session, rows.stream().map(this::announcement).toList()));
        });
    }

    private DramaPriceRow priceRow(DramaPublished drama, UUID dramaId, String region, LocalDate today, DramaPriceRow existing) {
        DramaPrice price;
        try {
            price = pricing.dramaPrice(drama.pricingTier(), drama.episodes().size(), region, today);
        } catch (UnknownStorefrontException e) {
            LOG.warnf("No storefront for %s: drama %s gets no price there", region, drama.dramaId());
            return null;
        }
        DramaPriceRow row = existing != null ? existing : new DramaPriceRow();
        row.key = new DramaPriceRow.Key(dramaId, region);
        row.dramaVersion = drama.dramaVersion();
        row.studioId = drama.studioId();
        row.pricingTier = price.tier();
        row.currency = price.episodePrice().display().currency().code();
        row.amountMinor = price.episodePrice().display().minorAmount();
        row.minorUnits = price.episodePrice().display().currency().minorUnits();
        row.taxInclusive = price.episodePrice().taxInclusive();
        row.coinsPerEpisode = Math.toIntExact(price.coinsPerEpisode());
        row.freeEpisodes = price.freeEpisodes();
        row.seriesCoins = Math.toIntExact(price.seriesCoins());
        row.active = true;
        row.updatedAt = clock.instant();
        return row;
    }

    private Uni<Void> stopPrices(Mutiny.Session session, DramaWithdrawn withdrawn) {
        return pricesOf(session, UUID.fromString(withdrawn.dramaId()))
                .invoke(rows -> rows.values().stream().filter(row -> row.dramaVersion <= withdrawn.dramaVersion())
                        .forEach(row -> row.active = false))
                .replaceWithVoid();
    }

    private Uni<Map<String, DramaPriceRow>> pricesOf(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from DramaPriceRow where key.dramaId = :drama", DramaPriceRow.class)
                .setParameter("drama", dramaId).getResultList()
                .map(list -> list.stream().collect(Collectors.toMap(row -> row.key.region(), Function.identity())));
    }

    private Outbox.Pending announcement(DramaPriceRow row) {
        PricingSet event = new PricingSet(row.key.dramaId().toString(), row.dramaVersion, row.key.region(), row.pricingTier,
                row.freeEpisodes, row.coinsPerEpisode, row.seriesCoins,
                new PricingSet.Money(row.amountMinor, row.currency, row.minorUnits), row.taxInclusive,
                PricingSet.Source.TIER, clock.instant());
        return new Outbox.Pending(Topics.BILLING_PRICING, "drama", row.key.dramaId().toString(),
                CloudEventTypes.PRICING_SET, event);
    }
}
