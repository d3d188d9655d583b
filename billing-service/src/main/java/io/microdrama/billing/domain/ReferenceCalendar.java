package io.microdrama.billing.domain;

import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.reference.UnknownStorefrontException;
import io.microdrama.billing.domain.tier.PricingTierVersion;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dates after today on which a dated reference-data version comes into force and may change prices in a
 * region: its storefront (tax, currency, ladder), the FX rate of any currency that storefront uses, its
 * purchasing-power factor, and any pricing tier. Ops see these dates before they arrive (the re-pricing preview);
 * the re-pricing sweep runs when one arrives.
 */
public final class ReferenceCalendar {

    private ReferenceCalendar() {
    }

    public static List<LocalDate> changesAfter(Pricing pricing, String region, LocalDate today) {
        ReferenceData data = pricing.referenceData();
        Set<String> storefrontRegions = new HashSet<>();
        storefrontRegions.add(region);
        try {
            storefrontRegions.add(data.storefrontFor(region, today).region());
        } catch (UnknownStorefrontException e) {
            // A region without a storefront today may get one later: its own history below still counts.
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        Set<String> currencies = new HashSet<>();
        for (String storefrontRegion : storefrontRegions) {
            for (Storefront version : data.storefrontHistory(storefrontRegion)) {
                dates.add(version.effectiveFrom());
                currencies.add(version.currency().code());
            }
            for (PurchasingPowerFactor version : data.purchasingPowerFactorHistory(storefrontRegion)) {
                dates.add(version.effectiveFrom());
            }
        }
        for (String currency : currencies) {
            for (FxRate rate : data.fxRateHistory(currency)) {
                dates.add(rate.asOf());
            }
        }
        for (PricingTierVersion tier : pricing.tiers().allVersions()) {
            dates.add(tier.effectiveFrom());
        }
        return List.copyOf(dates.tailSet(today, false));
    }
}
