package io.microdrama.billing.domain;

import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.PricingAuditRow;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored prices of dramas per region and how they change: every change of a price row goes with an audit
 * entry and, while the drama is active, a {@code billing.pricing.set} in the outbox of the same transaction.
 * Shared by the catalog event handler and the ops overrides.
 */
@ApplicationScoped
public class PriceBook {

    private final Outbox outbox;
    private final Clock clock;

    public PriceBook(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The drama, locked until the transaction ends: every writer of its prices goes through here first. */
    public Uni<PricedDramaRow> lockDrama(Mutiny.Session session, UUID dramaId) {
        return session.find(PricedDramaRow.class, dramaId, LockMode.PESSIMISTIC_WRITE);
    }

    public Uni<PricedDramaRow> findDrama(Mutiny.Session session, UUID dramaId) {
        return session.find(PricedDramaRow.class, dramaId);
    }

    public Uni<Map<String, DramaPriceRow>> prices(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from DramaPriceRow where key.dramaId = :drama", DramaPriceRow.class)
                .setParameter("drama", dramaId).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key.region(), Function.identity())));
    }

    public Uni<DramaPriceRow> price(Mutiny.Session session, UUID dramaId, String region) {
        return session.find(DramaPriceRow.class, new DramaPriceRow.Key(dramaId, region));
    }

    public Uni<Map<String, PriceOverrideRow>> overrides(Mutiny.Session session, UUID dramaId) {
        return session.createSelectionQuery("from PriceOverrideRow where key.dramaId = :drama", PriceOverrideRow.class)
                .setParameter("drama", dramaId).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.key.region(), Function.identity())));
    }

    public Uni<PriceOverrideRow> override(Mutiny.Session session, UUID dramaId, String region) {
        return session.find(PriceOverrideRow.class, new DramaPriceRow.Key(dramaId, region));
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

    /** Stores audit entries in order (a reactive session runs one statement at a time). */
    public Uni<Void> record(Mutiny.Session session, List<PricingAuditRow> entries) {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(entries.toArray());
    }

    /** Appends one {@code billing.pricing.set} per row to the outbox, in the caller's transaction. */
    public Uni<Void> announce(Mutiny.Session session, List<DramaPriceRow> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : outbox.appendAll(session, rows.stream().map(this::announcement).toList());
    }

    private Outbox.Pending announcement(DramaPriceRow row) {
        PricingSet event = new PricingSet(row.key.dramaId().toString(), row.dramaVersion, row.key.region(), row.pricingTier,
                row.freeEpisodes, row.coinsPerEpisode, row.seriesCoins,
                new PricingSet.Money(row.amountMinor, row.currency, row.minorUnits), row.taxInclusive,
                PricingSet.Source.valueOf(row.source), clock.instant());
        return new Outbox.Pending(Topics.BILLING_PRICING, "drama", row.key.dramaId().toString(),
                CloudEventTypes.PRICING_SET, event);
    }

    /** One page of a (drama, region)'s history, newest first. */
    public Uni<List<PricingAuditRow>> history(Mutiny.Session session, UUID dramaId, String region, int page, int size) {
        return session.createSelectionQuery("from PricingAuditRow where dramaId = :drama and region = :region "
                        + "order by recordedAt desc, id desc", PricingAuditRow.class)
                .setParameter("drama", dramaId).setParameter("region", region)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList();
    }

    public Uni<Long> historySize(Mutiny.Session session, UUID dramaId, String region) {
        return session.createSelectionQuery("select count(*) from PricingAuditRow where dramaId = :drama and region = :region",
                        Long.class)
                .setParameter("drama", dramaId).setParameter("region", region)
                .getSingleResult();
    }
}
