package io.microdrama.billing.application;

import io.microdrama.billing.application.CurrentPricing.Snapshot;
import io.microdrama.billing.domain.Actor;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.Refusal;
import io.microdrama.billing.domain.Recorded;
import io.microdrama.billing.domain.ReferenceVersions;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.ReferenceDataException;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PricingTierVersion;
import io.microdrama.billing.persistence.ReferenceVersionStore;
import io.microdrama.billing.persistence.ReferenceVersionStore.Stored;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditSubject;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Admins add dated reference-data versions (storefronts, FX snapshots, purchasing-power factors, tiers).
 * <p>
 * One change at a time across replicas (a transaction-scoped advisory lock): the change is checked against the
 * data as stored right now, the way the loader checks the shipped files, and stored only if the whole result is
 * consistent; a refused change leaves nothing behind. Versions are never edited: repeating an existing version is a
 * no-op, a different version for an existing date is a conflict, and a date in the past is refused because prices
 * already computed for it must stay reproducible.
 */
@ApplicationScoped
public class ReferenceDataAdmin {

    /** The snapshot after the request and whether the request added anything. */
    public record Outcome(Snapshot snapshot, boolean created) {
    }

    private final Mutiny.SessionFactory sessions;
    private final ReferenceVersionStore store;
    private final CurrentPricing currentPricing;
    private final Clock clock;
    private final AuditTrail audit;

    public ReferenceDataAdmin(Mutiny.SessionFactory sessions, ReferenceVersionStore store, CurrentPricing currentPricing,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.store = store;
        this.currentPricing = currentPricing;
        this.clock = clock;
    }

    /**
     * Adds every version in {@code additions} or none of them.
     *
     * @param dateField the request field that carries the versions' date, for the 422 answer
     */
    public Uni<Outcome> add(ReferenceVersions additions, String dateField, Actor actor) {
        return sessions.withTransaction(session -> store.lockForChange(session)
                        .chain(() -> store.loadAll(session))
                        .flatMap(stored -> {
                            Recorded recorded = new Recorded(actor.name(), clock.instant());
                            Proposal proposal = propose(stored, additions, dateField, recorded);
                            if (proposal.missing().isEmpty()) {
                                return Uni.createFrom().item(new Outcome(proposal.before(), false));
                            }
                            return store.insert(session, proposal.missing(), recorded)
                                    .chain(() -> recordChange(session, proposal, actor))
                                    .replaceWith(new Outcome(proposal.after(), true));
                        }))
                .invoke(outcome -> currentPricing.offer(outcome.snapshot()));
    }

    /**
     * The platform's audit record of a stored change: per added version, the version in force on its date before
     * (null when there was none) and the new one; the regions of the storefronts and purchasing-power factors it
     * touches (FX rates and tiers apply everywhere, so those records are platform-wide).
     */
    private Uni<Void> recordChange(Mutiny.Session session, Proposal proposal, Actor actor) {
        ReferenceVersions added = proposal.missing();
        var data = proposal.before().pricing().referenceData();
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        List<String> regions = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Storefront storefront : added.storefronts()) {
            String key = "storefront " + storefront.region() + " from " + storefront.effectiveFrom();
            before.put(key, inForce(data.storefrontHistory(storefront.region()), Storefront::effectiveFrom,
                    storefront.effectiveFrom()));
            after.put(key, storefront.toString());
            regions.add(storefront.region());
            kinds.add("storefront");
        }
        for (FxRate rate : added.fxRates()) {
            String key = "fx " + rate.currency() + " as of " + rate.asOf();
            before.put(key, inForce(data.fxRateHistory(rate.currency()), FxRate::asOf, rate.asOf()));
            after.put(key, rate.toString());
            kinds.add("fx-rate");
        }
        for (PurchasingPowerFactor factor : added.purchasingPowerFactors()) {
            String key = "ppp " + factor.region() + " from " + factor.effectiveFrom();
            before.put(key, inForce(data.purchasingPowerFactorHistory(factor.region()),
                    PurchasingPowerFactor::effectiveFrom, factor.effectiveFrom()));
            after.put(key, factor.toString());
            regions.add(factor.region());
            kinds.add("ppp-factor");
        }
        for (PricingTierVersion tier : added.tiers()) {
            String key = "tier " + tier.tier().name() + " from " + tier.effectiveFrom();
            before.put(key, inForce(proposal.before().pricing().tiers().history(tier.tier().name()),
                    PricingTierVersion::effectiveFrom, tier.effectiveFrom()));
            after.put(key, tier.toString());
            kinds.add("tier");
        }
        String entityType = kinds.stream().distinct().count() == 1 ? kinds.get(0) : "reference-data";
        String entityId = String.join(",", after.keySet());
        return audit.record(session, new io.microdrama.support.audit.Actor(actor.name(), actor.role()),
                AuditRecorded.Action.REFERENCE_DATA_CHANGED,
                AuditSubject.of(entityType, entityId.length() > 200 ? entityId.substring(0, 200) : entityId, null, regions),
                null, AuditChanges.of(before, after));
    }

    /** The version in force just before {@code date} (the one the new version supersedes from then on), as text. */
    private static <T> String inForce(List<T> history, java.util.function.Function<T, LocalDate> dateOf, LocalDate date) {
        return history.stream().filter(version -> dateOf.apply(version).isBefore(date))
                .max(java.util.Comparator.comparing(dateOf)).map(Object::toString).orElse(null);
    }

    /**
     * What {@link #add} would store, refused for exactly the same reasons (409 for a different version on a stored
     * date, 422 for a past date or data that does not fit together), without storing or locking anything: the
     * impact preview of a change. Reads through the caller's session.
     */
    public Uni<Proposal> propose(Mutiny.Session session, ReferenceVersions additions, String dateField) {
        return store.loadAll(session).map(stored -> propose(stored, additions, dateField,
                new Recorded("impact preview", clock.instant())));
    }

    /** The data as stored ({@code before}), with the change ({@code after}), and the versions not stored yet. */
    public record Proposal(Snapshot before, Snapshot after, ReferenceVersions missing) {
    }

    private Proposal propose(Stored stored, ReferenceVersions additions, String dateField, Recorded recorded) {
        Snapshot before = currentPricing.build(stored);
        ReferenceVersions missing = withoutExisting(before, additions);
        if (missing.isEmpty()) {
            return new Proposal(before, before, missing);
        }
        requireNotInThePast(missing, dateField);
        return new Proposal(before, checked(stored, missing, recorded), missing);
    }

    /** The additions not stored yet; an addition that differs from the version stored for its date is a conflict. */
    private static ReferenceVersions withoutExisting(Snapshot snapshot, ReferenceVersions additions) {
        Pricing pricing = snapshot.pricing();
        List<Storefront> storefronts = new ArrayList<>();
        for (Storefront addition : additions.storefronts()) {
            Optional<Storefront> existing = pricing.referenceData().storefrontHistory(addition.region()).stream()
                    .filter(version -> version.effectiveFrom().equals(addition.effectiveFrom())).findFirst();
            if (existing.isEmpty()) {
                storefronts.add(addition);
            } else if (!same(existing.get(), addition)) {
                throw versionExists("Storefront " + addition.region(), addition.effectiveFrom());
            }
        }
        List<FxRate> rates = new ArrayList<>();
        for (FxRate addition : additions.fxRates()) {
            Optional<FxRate> existing = pricing.referenceData().fxRateHistory(addition.currency()).stream()
                    .filter(version -> version.asOf().equals(addition.asOf())).findFirst();
            if (existing.isEmpty()) {
                rates.add(addition);
            } else if (!same(existing.get(), addition)) {
                throw versionExists("The FX rate of " + addition.currency(), addition.asOf());
            }
        }
        List<PurchasingPowerFactor> factors = new ArrayList<>();
        for (PurchasingPowerFactor addition : additions.purchasingPowerFactors()) {
            Optional<PurchasingPowerFactor> existing = pricing.referenceData().purchasingPowerFactorHistory(addition.region())
                    .stream().filter(version -> version.effectiveFrom().equals(addition.effectiveFrom())).findFirst();
            if (existing.isEmpty()) {
                factors.add(addition);
            } else if (!same(existing.get(), addition)) {
                throw versionExists("The purchasing-power factor of " + addition.region(), addition.effectiveFrom());
            }
        }
        List<PricingTierVersion> tiers = new ArrayList<>();
        for (PricingTierVersion addition : additions.tiers()) {
            Optional<PricingTierVersion> existing = pricing.tiers().history(addition.name()).stream()
                    .filter(version -> version.effectiveFrom().equals(addition.effectiveFrom())).findFirst();
            if (existing.isEmpty()) {
                tiers.add(addition);
            } else if (!same(existing.get(), addition)) {
                throw versionExists("Tier " + addition.name(), addition.effectiveFrom());
            }
        }
        return new ReferenceVersions(storefronts, rates, factors, tiers);
    }

    private void requireNotInThePast(ReferenceVersions versions, String dateField) {
        LocalDate today = currentPricing.today();
        List<LocalDate> dates = new ArrayList<>();
        versions.storefronts().forEach(version -> dates.add(version.effectiveFrom()));
        versions.fxRates().forEach(version -> dates.add(version.asOf()));
        versions.purchasingPowerFactors().forEach(version -> dates.add(version.effectiveFrom()));
        versions.tiers().forEach(version -> dates.add(version.effectiveFrom()));
        if (dates.stream().anyMatch(date -> date.isBefore(today))) {
            throw Refusal.invalid(dateField, "must be today (" + today
                    + ", UTC) or later: prices already computed for past dates must stay reproducible");
        }
    }

    /** The snapshot with {@code additions}, checked like freshly loaded data; inconsistent data is a 422. */
    private Snapshot checked(Stored stored, ReferenceVersions additions, Recorded recorded) {
        Map<String, Recorded> recordedBy = new HashMap<>(stored.recorded());
        additions.storefronts().forEach(version -> recordedBy.put(ReferenceVersionStore.key(version), recorded));
        additions.fxRates().forEach(version -> recordedBy.put(ReferenceVersionStore.key(version), recorded));
        additions.purchasingPowerFactors().forEach(version -> recordedBy.put(ReferenceVersionStore.key(version), recorded));
        additions.tiers().forEach(version -> recordedBy.put(ReferenceVersionStore.key(version), recorded));
        try {
            return currentPricing.build(new Stored(stored.versions().plus(additions), recordedBy,
                    stored.revision() + additions.size()));
        } catch (ReferenceDataException | IllegalArgumentException e) {
            throw Refusal.invalid("version", e.getMessage());
        }
    }

    private static Refusal versionExists(String what, LocalDate date) {
        return Refusal.conflict(what + " already has a different version for " + date
                + "; versions are never edited: add one with a later date");
    }

    // Equality of content, with decimals compared by value (0.2 and 0.20 are the same rate).

    static boolean same(Storefront a, Storefront b) {
        return a.name().equals(b.name()) && a.currency().equals(b.currency())
                && sameDecimal(a.cashIncrement().orElse(null), b.cashIncrement().orElse(null))
                && a.priceLadder().equals(b.priceLadder()) && a.taxInclusiveDisplay() == b.taxInclusiveDisplay()
                && sameDecimal(a.taxRate(), b.taxRate()) && a.taxRateChecked() == b.taxRateChecked()
                && a.notes().equals(b.notes()) && a.source().equals(b.source());
    }

    static boolean same(FxRate a, FxRate b) {
        return sameDecimal(a.unitsPerUsd(), b.unitsPerUsd()) && a.source().equals(b.source());
    }

    static boolean same(PurchasingPowerFactor a, PurchasingPowerFactor b) {
        return sameDecimal(a.factor(), b.factor()) && a.note().equals(b.note());
    }

    static boolean same(PricingTierVersion a, PricingTierVersion b) {
        return a.tier().freeEpisodes() == b.tier().freeEpisodes() && a.tier().coinsPerEpisode() == b.tier().coinsPerEpisode()
                && sameDecimal(a.tier().seriesDiscountPercent().orElse(null), b.tier().seriesDiscountPercent().orElse(null))
                && a.notes().equals(b.notes());
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
