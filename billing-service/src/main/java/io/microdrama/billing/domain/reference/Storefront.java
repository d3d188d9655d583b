package io.microdrama.billing.domain.reference;

import io.microdrama.billing.domain.money.CurrencyUnit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How one region sells from {@code effectiveFrom} on (until the region's next row): currency, price ladder and
 * tax display. A change (Bulgaria BGN → EUR on 2026-01-01, a VAT rise) is a new row, never an edit, so prices
 * computed for past dates stay reproducible.
 *
 * @param region              ISO 3166-1 alpha-2 code, or "EU" for the default storefront of EU member states
 *                            without their own row
 * @param cashIncrement       smallest cash step that our price points honour (CHF 0.05, DKK 0.50, 1 for
 *                            currencies with zero cash digits), empty when prices keep full minor units
 * @param priceLadder         name of the ladder in {@code price_points.csv}
 * @param taxInclusiveDisplay true where the law wants the final price shown (EU, JP, …); false in US/CA where
 *                            sales tax is added at checkout
 * @param taxRate             standard rate as a fraction (0.19 = 19 %)
 * @param taxRateChecked      whether the rate was checked against a dated public source (named in
 *                            {@code source}); false = carried over from the draft, to verify
 */
public record Storefront(
        String region,
        String name,
        LocalDate effectiveFrom,
        CurrencyUnit currency,
        Optional<BigDecimal> cashIncrement,
        String priceLadder,
        boolean taxInclusiveDisplay,
        BigDecimal taxRate,
        boolean taxRateChecked,
        String notes,
        String source) {

    public Storefront {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cashIncrement, "cashIncrement");
        Objects.requireNonNull(priceLadder, "priceLadder");
        Objects.requireNonNull(taxRate, "taxRate");
        notes = notes == null ? "" : notes;
        source = source == null ? "" : source;
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(region + ": tax rate must be in [0, 1): " + taxRate);
        }
        cashIncrement.ifPresent(increment -> {
            if (increment.signum() <= 0) {
                throw new IllegalArgumentException(region + ": cash increment must be positive: " + increment);
            }
        });
    }

    /** The factor from net to displayed price: 1 + tax where the display includes tax, else 1. */
    public BigDecimal displayFactor() {
        return taxInclusiveDisplay ? BigDecimal.ONE.add(taxRate) : BigDecimal.ONE;
    }
}
