package io.microdrama.billing.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A local price expressed in US dollars at the exchange rate in force, so that ops can set a drama's regional prices
 * side by side. Exchange rate only: purchasing-power factors and tax are what make regional prices differ on
 * purpose, and the comparison exists to show that difference, not to undo it. Rounded half-even to cents: a
 * comparison figure, never charged.
 */
public final class CommonCurrency {

    public static final String CURRENCY = PriceEqualizer.ANCHOR_CURRENCY;

    private CommonCurrency() {
    }

    /** {@code amountMinor} (in minor units of a currency with {@code minorUnits} decimals) in US cents. */
    public static long usdCents(long amountMinor, int minorUnits, BigDecimal unitsPerUsd) {
        if (unitsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate must be positive: " + unitsPerUsd);
        }
        BigDecimal local = BigDecimal.valueOf(amountMinor, minorUnits);
        return local.divide(unitsPerUsd, 2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }
}
