package io.microdrama.billing.application;

import io.microdrama.billing.application.ReferenceDataAdmin.Proposal;
import io.microdrama.billing.domain.PriceInForce;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.ReferenceImpact;
import io.microdrama.billing.domain.ReferenceVersions;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.billing.persistence.DramaPriceRow;
import io.microdrama.billing.persistence.PriceOverrideRow;
import io.microdrama.billing.persistence.PricedDramaRow;
import io.microdrama.billing.persistence.RepricingRepository;
import io.microdrama.contracts.regions.RegionGroups;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a reference-data change will do before it is saved: checked exactly as {@link ReferenceDataAdmin#add} checks
 * it, stored nowhere, and priced per affected region on the day it takes effect with {@link PriceInForce}, the rule
 * the re-pricing sweep applies when that day comes. Only regions whose pricing inputs the change touches are read
 * (every region for a tier change), each with one query of its active prices: linear in those prices.
 */
@ApplicationScoped
public class ReferenceDataImpact {

    /** At most this many example dramas per region. */
    public static final int EXAMPLES = 10;

    /**
     * @param effectiveFrom             the day the change takes effect (today: the sweep applies it at once)
     * @param alreadyStored             exactly these versions exist: saving changes nothing
     * @param regions                   regions with active prices whose inputs or prices change, by code
     * @param regionsWithoutActivePrices regions whose inputs change but that have no active price
     */
    public record Impact(LocalDate today, LocalDate effectiveFrom, boolean alreadyStored, List<RegionImpact> regions,
            List<String> regionsWithoutActivePrices) {
    }

    /** One region: its active prices, how many change, and up to {@value #EXAMPLES} of them as now and after. */
    public record RegionImpact(String region, String currency, int activePrices, int changing,
            List<Repricing.Change> examples) {
    }

    private final Mutiny.SessionFactory sessions;
    private final ReferenceDataAdmin admin;
    private final RepricingRepository repository;
    private final CurrentPricing currentPricing;

    public ReferenceDataImpact(Mutiny.SessionFactory sessions, ReferenceDataAdmin admin, RepricingRepository repository,
            CurrentPricing currentPricing) {
        this.sessions = sessions;
        this.admin = admin;
        this.repository = repository;
        this.currentPricing = currentPricing;
    }

    /**
     * @param effectiveFrom the date of the proposed versions
     * @param dateField     the request field carrying that date, for a 422 answer
     */
    public Uni<Impact> preview(ReferenceVersions additions, LocalDate effectiveFrom, String dateField) {
        return sessions.withSession(session -> admin.propose(session, additions, dateField).flatMap(proposal -> {
            LocalDate today = currentPricing.today();
            LocalDate date = effectiveFrom.isBefore(today) ? today : effectiveFrom;
            Pricing before = proposal.before().pricing();
            Pricing after = proposal.after().pricing();
            boolean tiers = ReferenceImpact.tiersDiffer(before, after, date);
            List<String> candidates = countries(after.referenceData()).stream()
                    .filter(country -> tiers || ReferenceImpact.regionInputsDiffer(before, after, country, date))
                    .toList();
            return Multi.createFrom().iterable(candidates)
                    .onItem().transformToUniAndConcatenate(country -> region(session, proposal, country, date)
                            .map(impact -> new Candidate(country, impact,
                                    tiers && !ReferenceImpact.regionInputsDiffer(before, after, country, date))))
                    .collect().asList()
                    .map(results -> {
                        List<RegionImpact> regions = new ArrayList<>();
                        List<String> withoutPrices = new ArrayList<>();
                        for (Candidate result : results) {
                            if (result.impact().activePrices() > 0) {
                                // A tier change reaches every region, but names only those whose prices move.
                                if (!result.onlyThroughTiers() || result.impact().changing() > 0) {
                                    regions.add(result.impact());
                                }
                            } else if (!result.onlyThroughTiers()) {
                                withoutPrices.add(result.country());
                            }
                        }
                        return new Impact(today, date, proposal.missing().isEmpty(), regions, withoutPrices);
                    });
        }));
    }

    private record Candidate(String country, RegionImpact impact, boolean onlyThroughTiers) {
    }

    private Uni<RegionImpact> region(Mutiny.Session session, Proposal proposal, String country, LocalDate date) {
        Pricing before = proposal.before().pricing();
        Pricing after = proposal.after().pricing();
        return repository.activeInRegion(session, country).flatMap(rows -> rows.isEmpty()
                ? Uni.createFrom().item(new RegionImpact(country, currency(after, country, date), 0, 0, List.of()))
                : repository.overridesIn(session, country).map(overrides -> {
                    int changing = 0;
                    List<Repricing.Change> examples = new ArrayList<>();
                    for (Object[] pair : rows) {
                        DramaPriceRow row = (DramaPriceRow) pair[0];
                        PricedDramaRow drama = (PricedDramaRow) pair[1];
                        Optional<PriceOverride> override = Optional.ofNullable(overrides.get(drama.dramaId))
                                .map(PriceOverrideRow::toDomain);
                        Optional<DramaPrice> old = PriceInForce.on(before, drama.pricingTier, drama.episodeCount, country,
                                override, date);
                        Optional<DramaPrice> next = PriceInForce.on(after, drama.pricingTier, drama.episodeCount, country,
                                override, date);
                        if (ReferenceImpact.changes(old, next)) {
                            changing++;
                            if (examples.size() < EXAMPLES) {
                                examples.add(new Repricing.Change(drama.dramaId, drama.pricingTier, override.isPresent(),
                                        StoredPrice.of(row), next.get()));
                            }
                        }
                    }
                    return new RegionImpact(country, currency(after, country, date), rows.size(), changing,
                            List.copyOf(examples));
                }));
    }

    /** Every country a storefront prices: those with their own storefront and the EU members the EU default covers. */
    private static TreeSet<String> countries(ReferenceData data) {
        TreeSet<String> countries = new TreeSet<>(data.regions());
        countries.remove(ReferenceData.EU_DEFAULT_REGION);
        countries.addAll(RegionGroups.members(ReferenceData.EU_DEFAULT_REGION));
        return countries;
    }

    private static String currency(Pricing pricing, String country, LocalDate date) {
        try {
            return pricing.referenceData().storefrontFor(country, date).currency().code();
        } catch (UnknownStorefrontException e) {
            return null;
        }
    }
}
