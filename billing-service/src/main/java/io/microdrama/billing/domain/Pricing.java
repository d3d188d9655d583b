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
 * The pricing domain in one immutable object, for the service to hold (it swaps the instance when an admin adds a
 * reference-data version). Framework-free on purpose: everything here is plain Java over the reference data.
 * Every price is computed "as on a date": the storefront, FX rate, purchasing-power factor and tier versions in
 * force on that date.
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

    /** A copy with an admin's new FX snapshots added; offers and tiers are unchanged. */
    public Pricing withFxRates(Collection<FxRate> rates) {
        return new Pricing(referenceData.withFxRates(rates), offerCatalog, tiers);
    }

    /**
     * A copy with dated versions added (a version with the same key replaces the existing one). Throws
     * {@link io.microdrama.billing.domain.reference.ReferenceDataException} or {@link IllegalArgumentException} when
     * the result would be inconsistent; this instance never changes.
     */
    public Pricing withVersions(ReferenceVersions versions) {
        if (versions.isEmpty()) {
            return this;
        }
        return new Pricing(referenceData.withVersions(versions.storefronts(), versions.fxRates(),
                versions.purchasingPowerFactors()), offerCatalog, tiers.withVersions(versions.tiers()));
    }

    /** A USD amount, e.g. {@code usd("19.99")}, for anchors. */
    public Money usd(String amount) {
        return Money.of(new BigDecimal(amount), referenceData.currency(PriceEqualizer.ANCHOR_CURRENCY));
    }

    /** The local price of a USD anchor in {@code region} (a country; EU members without a storefront get "EU"). */
    public LocalPrice equalize(Money usdAnchor, String region, LocalDate date) {
        return equalizer.equalize(usdAnchor, referenceData.storefrontFor(region, date), date);
    }

    /** Coin packs and VIP passes priced for {@code region} (a country; EU members without a storefront get "EU"). */
    public StorefrontOffers offersAt(String region, LocalDate date) {
        return offerCatalog.localize(referenceData.storefrontFor(region, date), equalizer, date);
    }

    /** The tier's price of a drama in {@code region} on {@code date}, with the tier version in force then. */
    public DramaPrice dramaPrice(String tierName, int episodes, String region, LocalDate date) {
        return dramaPrices.price(tiers.get(tierName, date), episodes, referenceData.storefrontFor(region, date), date);
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
