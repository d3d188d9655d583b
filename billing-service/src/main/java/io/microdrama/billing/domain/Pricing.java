package io.microdrama.billing.domain;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.offer.OfferCatalog;
import io.microdrama.billing.domain.offer.StorefrontOffers;
import io.microdrama.billing.domain.pricing.LocalPrice;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.ReferenceSource;
import io.microdrama.billing.domain.tier.DramaPrice;
import io.microdrama.billing.domain.tier.DramaPriceCalculator;
import io.microdrama.billing.domain.tier.PricingTiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The pricing domain in one immutable object, for the service to hold (e.g. as a CDI singleton it swaps when an
 * admin updates FX rates). Framework-free on purpose: everything here is plain Java over the reference data.
 */
public final class Pricing {

    private final ReferenceData referenceData;
    private final OfferCatalog offerCatalog;
    private final PricingTiers tiers;
    private final PriceEqualizer equalizer;
    private final DramaPriceCalculator dramaPrices;

    public Pricing(ReferenceData referenceData, OfferCatalog offerCatalog, PricingTiers tiers) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.offerCatalog = Objects.requireNonNull(offerCatalog, "offerCatalog");
        this.tiers = Objects.requireNonNull(tiers, "tiers");
        this.equalizer = new PriceEqualizer(referenceData);
        this.dramaPrices = new DramaPriceCalculator(offerCatalog, equalizer);
    }

    /** Everything from the CSV files shipped in the jar. */
    public static Pricing loadDefault() {
        return load(ReferenceSource.classpath());
    }

    public static Pricing load(ReferenceSource source) {
        ReferenceData data = ReferenceData.load(source);
        return new Pricing(data, OfferCatalog.load(source, data.currency(PriceEqualizer.ANCHOR_CURRENCY)),
                PricingTiers.load(source));
    }

    /** A copy using an admin's new FX rates; offers and tiers are unchanged. */
    public Pricing withFxRates(Collection<FxRate> rates) {
        return new Pricing(referenceData.withFxRates(rates), offerCatalog, tiers);
    }

    /** A USD amount, e.g. {@code usd("19.99")}, for anchors. */
    public Money usd(String amount) {
        return Money.of(new BigDecimal(amount), referenceData.currency(PriceEqualizer.ANCHOR_CURRENCY));
    }

    /** The local price of a USD anchor in {@code region} (a country; EU members without a storefront get "EU"). */
    public LocalPrice equalize(Money usdAnchor, String region, LocalDate date) {
        return equalizer.equalize(usdAnchor, referenceData.storefrontFor(region, date));
    }

    /** Coin packs and VIP passes priced for {@code region} (a country; EU members without a storefront get "EU"). */
    public StorefrontOffers offersAt(String region, LocalDate date) {
        return offerCatalog.localize(referenceData.storefrontFor(region, date), equalizer);
    }

    public DramaPrice dramaPrice(String tierName, int episodes, String region, LocalDate date) {
        return dramaPrices.price(tiers.get(tierName), episodes, referenceData.storefrontFor(region, date));
    }

    public ReferenceData referenceData() {
        return referenceData;
    }

    public OfferCatalog offerCatalog() {
        return offerCatalog;
    }

    public PricingTiers tiers() {
        return tiers;
    }

    public PriceEqualizer equalizer() {
        return equalizer;
    }

    public DramaPriceCalculator dramaPrices() {
        return dramaPrices;
    }
}
