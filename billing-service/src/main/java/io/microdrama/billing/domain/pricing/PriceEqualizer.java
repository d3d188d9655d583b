package io.microdrama.billing.domain.pricing;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Turns a USD anchor into a storefront's local price, the way the app stores equalize a base price:
 *
 * <pre>
 *   target  = anchor × FX(units per USD) × purchasing-power factor × (1 + tax, only where display includes tax)
 *   display = the storefront currency's price point nearest to target (ties → the lower point)
 *   net     = display / (1 + tax), rounded half-up to minor units (= display where tax is added at checkout)
 * </pre>
 *
 * <p>The anchor is a NET price, like Google Play's convertRegionPrices input (tax-exclusive) and like the US
 * store price it usually is; tax-inclusive storefronts therefore add tax before choosing the price point, so the
 * displayed price is a clean price point and the net absorbs the rounding (Apple-style displayed prices).
 *
 * <p>The target is an exact BigDecimal product (no intermediate rounding); the only rounding is the choice of the
 * price point and the net's rounding to minor units.
 */
public final class PriceEqualizer {

    public static final String ANCHOR_CURRENCY = "USD";

    private final ReferenceData referenceData;

    public PriceEqualizer(ReferenceData referenceData) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
    }

    /** The local price of {@code usdAnchor} in {@code region}'s storefront as in force on {@code date}. */
    public LocalPrice equalize(Money usdAnchor, String region, LocalDate date) {
        return equalize(usdAnchor, referenceData.storefrontAt(region, date), date);
    }

    /**
     * The local price of {@code usdAnchor} in {@code storefront}, with the FX rate and purchasing-power factor in
     * force on {@code date} (the storefront row is the caller's choice, normally the one in force on that date).
     */
    public LocalPrice equalize(Money usdAnchor, Storefront storefront, LocalDate date) {
        Money display = referenceData.pricePointRule(storefront.currency()).nearest(exactTarget(usdAnchor, storefront, date));
        return LocalPrice.fromDisplay(display, storefront);
    }

    /** The unrounded local amount the price point approximates; exposed so ops can see why a price was chosen. */
    public BigDecimal exactTarget(Money usdAnchor, Storefront storefront, LocalDate date) {
        if (!usdAnchor.hasCurrency(ANCHOR_CURRENCY)) {
            throw new IllegalArgumentException("anchors are in " + ANCHOR_CURRENCY + ": " + usdAnchor);
        }
        if (!usdAnchor.isPositive()) {
            throw new IllegalArgumentException("anchor must be positive: " + usdAnchor);
        }
        return usdAnchor.amount()
                .multiply(referenceData.fxRate(storefront.currency().code(), date).unitsPerUsd())
                .multiply(referenceData.purchasingPowerFactor(storefront.region(), date))
                .multiply(storefront.displayFactor());
    }

    public ReferenceData referenceData() {
        return referenceData;
    }
}
