package io.microdrama.billing.application;

import io.microdrama.billing.domain.pricing.CommonCurrency;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.persistence.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads a drama's stored prices, every region (active or not); who may see which is the caller's scope. */
@ApplicationScoped
public class DramaPrices {

    private final Mutiny.SessionFactory sessions;
    private final PriceRepository prices;
    private final CurrentPricing pricing;

    public DramaPrices(Mutiny.SessionFactory sessions, PriceRepository prices, CurrentPricing pricing) {
        this.sessions = sessions;
        this.prices = prices;
        this.pricing = pricing;
    }

    /** A stored price and what it is worth in US cents at today's exchange rate ({@link CommonCurrency}). */
    public record PriceWithEquivalent(StoredPrice price, Long usdEquivalentCents) {
    }

    /** In region order; empty when the drama was never priced. */
    public Uni<List<PriceWithEquivalent>> of(UUID dramaId) {
        return sessions.withSession(session -> prices.pricesByRegion(session, dramaId)
                .flatMap(rows -> pricing.snapshot(session).map(snapshot -> {
                    ReferenceData reference = snapshot.pricing().referenceData();
                    LocalDate today = pricing.today();
                    return rows.stream().map(StoredPrice::of)
                            .map(price -> new PriceWithEquivalent(price, usdCents(reference, price, today))).toList();
                })));
    }

    /** Null for a currency without an exchange rate (none is shipped without one; a comparison is not worth a 500). */
    private static Long usdCents(ReferenceData reference, StoredPrice price, LocalDate today) {
        try {
            return CommonCurrency.usdCents(price.amountMinor(), price.minorUnits(),
                    reference.fxRate(price.currency(), today).unitsPerUsd());
        } catch (IllegalArgumentException noRate) {
            return null;
        }
    }
}
