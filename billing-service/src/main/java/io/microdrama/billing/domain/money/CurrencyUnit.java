package io.microdrama.billing.domain.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A currency as far as money arithmetic needs it: the ISO 4217 code and the number of minor-unit digits.
 *
 * <p>Why not {@link java.util.Currency}: the JDK's currency data is only as fresh as the JDK update (JDK 17.0.15
 * still answers BGN for Bulgaria, which uses EUR since 2026-01-01). The digits therefore always come from our own
 * versioned reference data ({@code reference/storefronts.csv}), never from the JDK.
 */
public record CurrencyUnit(String code, int minorUnits) {

    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");

    /** ISO 4217 uses 0, 2, 3 and (for a few funds codes) 4 digits; anything else is a data error. */
    private static final int MAX_MINOR_UNITS = 4;

    public CurrencyUnit {
        Objects.requireNonNull(code, "code");
        if (!ISO_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency code must be three upper-case letters: " + code);
        }
        if (minorUnits < 0 || minorUnits > MAX_MINOR_UNITS) {
            throw new IllegalArgumentException("minor units of " + code + " must be 0.." + MAX_MINOR_UNITS + ": " + minorUnits);
        }
    }

    @Override
    public String toString() {
        return code + "(" + minorUnits + ")";
    }
}
