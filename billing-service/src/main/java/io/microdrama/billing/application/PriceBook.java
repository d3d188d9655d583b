package io.microdrama.billing.application;

import io.microdrama.billing.domain.Actor;
import io.microdrama.billing.domain.PricingAuditAction;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceRepository;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.PricingAuditRow;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * How the stored price of a drama in a region changes: every change of a price row goes with an audit entry and,
 * while the drama is active, a {@code billing.pricing.set} in the outbox of the same transaction. The one place
 * billing builds outgoing events; shared by the catalog event use case and the ops overrides.
 */
@ApplicationScoped
public class PriceBook {

    private final Outbox outbox;
    private final PriceRepository prices;
    private final Clock clock;

    public PriceBook(Outbox outbox, PriceRepository prices, Clock clock) {
        this.outbox = outbox;
        this.prices = prices;
        this.clock = clock;
    }

    /** Makes {@code row} the active price of {@code drama} in {@code region}. */
    public void apply(DramaPriceRow row, PricedDramaRow drama, String region, DramaPrice price, PricingSet.Source source) {
        row.key = new DramaPriceRow.Key(drama.dramaId, region);
        row.dramaVersion = drama.dramaVersion;
        row.studioId = drama.studioId;
        row.pricingTier = price.tier();
        row.currency = price.episodePrice().display().currency().code();
        row.amountMinor = price.episodePrice().display().minorAmount();
        row.minorUnits = price.episodePrice().display().currency().minorUnits();
        row.taxInclusive = price.episodePrice().taxInclusive();
        row.coinsPerEpisode = Math.toIntExact(price.coinsPerEpisode());
        row.freeEpisodes = price.freeEpisodes();
        row.seriesCoins = Math.toIntExact(price.seriesCoins());
        row.source = source.name();
        row.active = true;
        row.updatedAt = clock.instant();
    }

    /** An audit entry describing {@code price} (not yet stored: see {@link #record}). */
    public PricingAuditRow entry(PricedDramaRow drama, String region, PricingAuditAction action, DramaPrice price,
            PricingSet.Source source, String reason, Actor actor) {
        PricingAuditRow entry = entry(drama.dramaId, region, drama.dramaVersion, action, reason, actor);
        entry.source = source.name();
        entry.coinsPerEpisode = Math.toIntExact(price.coinsPerEpisode());
        entry.freeEpisodes = price.freeEpisodes();
        entry.seriesCoins = Math.toIntExact(price.seriesCoins());
        entry.currency = price.episodePrice().display().currency().code();
        entry.amountMinor = price.episodePrice().display().minorAmount();
        entry.minorUnits = price.episodePrice().display().currency().minorUnits();
        return entry;
    }

    /** An audit entry about a stored price row, e.g. that drama version {@code dramaVersion} stopped it. */
    public PricingAuditRow entry(DramaPriceRow row, long dramaVersion, PricingAuditAction action, String reason, Actor actor) {
        PricingAuditRow entry = entry(row.key.dramaId(), row.key.region(), dramaVersion, action, reason, actor);
        entry.source = row.source;
        entry.coinsPerEpisode = row.coinsPerEpisode;
        entry.freeEpisodes = row.freeEpisodes;
        entry.seriesCoins = row.seriesCoins;
        entry.currency = row.currency;
        entry.amountMinor = row.amountMinor;
        entry.minorUnits = row.minorUnits;
        return entry;
    }

    private PricingAuditRow entry(UUID dramaId, String region, long dramaVersion, PricingAuditAction action,
            String reason, Actor actor) {
        PricingAuditRow entry = new PricingAuditRow();
        entry.dramaId = dramaId;
        entry.region = region;
        entry.dramaVersion = dramaVersion;
        entry.action = action.name();
        entry.reason = reason;
        entry.actor = actor.name();
        entry.actorSubject = actor.subject();
        entry.recordedAt = clock.instant();
        return entry;
    }

    /** Stores audit entries in order. */
    public Uni<Void> record(Mutiny.Session session, List<PricingAuditRow> entries) {
        return prices.add(session, entries);
    }

    /**
     * Whether making {@code price} (from {@code source}) the active price would change what {@code row} announced:
     * anything a buyer or catalog sees (coins, free episodes, series coins, display amount, currency, tax display).
     */
    public boolean differs(DramaPriceRow row, DramaPrice price, PricingSet.Source source) {
        return !row.active
                || !row.source.equals(source.name())
                || !row.pricingTier.equals(price.tier())
                || row.coinsPerEpisode != price.coinsPerEpisode()
                || row.freeEpisodes != price.freeEpisodes()
                || row.seriesCoins != price.seriesCoins()
                || row.amountMinor != price.episodePrice().display().minorAmount()
                || !row.currency.equals(price.episodePrice().display().currency().code())
                || row.minorUnits != price.episodePrice().display().currency().minorUnits()
                || row.taxInclusive != price.episodePrice().taxInclusive();
    }

    /**
     * Appends one {@code billing.pricing.set} per row of {@code drama} to the outbox, in the caller's transaction, on
     * the drama's answer lane.
     */
    public Uni<Void> announce(Mutiny.Session session, PricedDramaRow drama, List<DramaPriceRow> rows, PricingSet.Cause cause) {
        return announce(session, rows.stream().map(row -> announcement(drama, row, cause)).toList());
    }

    /** One announcement, to append with others of the same transaction ({@link #announce(Mutiny.Session, List)}). */
    public Outbox.Pending announcement(PricedDramaRow drama, DramaPriceRow row, PricingSet.Cause cause) {
        PricingSet event = new PricingSet(row.key.dramaId().toString(), row.dramaVersion, row.key.region(), row.pricingTier,
                row.freeEpisodes, row.coinsPerEpisode, row.seriesCoins,
                new PricingSet.Money(row.amountMinor, row.currency, row.minorUnits), row.taxInclusive,
                PricingSet.Source.valueOf(row.source), clock.instant(), cause.name());
        return new Outbox.Pending(drama.answerLane.pricingTopic(), "drama", row.key.dramaId().toString(),
                CloudEventTypes.PRICING_SET, event);
    }

    /** Appends announcements to the outbox in order, in the caller's transaction. */
    public Uni<Void> announce(Mutiny.Session session, List<Outbox.Pending> announcements) {
        return announcements.isEmpty() ? Uni.createFrom().voidItem() : outbox.appendAll(session, announcements);
    }
}
