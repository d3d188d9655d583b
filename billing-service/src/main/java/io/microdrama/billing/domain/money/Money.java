package io.microdrama.billing.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of one currency, stored as a whole number of minor units (cents, fils, yen …).
 *
 * <p>A long of minor units cannot hold a fraction of the smallest unit, so nothing here ever needs a
 * rounding decision except the explicit conversions ({@link #of(BigDecimal, CurrencyUnit, RoundingMode)}), which
 * name their {@link RoundingMode}. There is deliberately no constructor from {@code double}.
 */
public record Money(long minorAmount, CurrencyUnit currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long minorAmount, CurrencyUnit currency) {
        return new Money(minorAmount, currency);
    }

    /** Exact conversion: fails with {@link ArithmeticException} if the amount has more decimals than the currency. */
    public static Money of(BigDecimal amount, CurrencyUnit currency) {
        return of(amount, currency, RoundingMode.UNNECESSARY);
    }

    /** Exact conversion of a decimal string such as {@code "0.99"}; convenient for data files and tests. */
    public static Money of(String amount, CurrencyUnit currency) {
        return of(new BigDecimal(amount), currency);
    }

    /** Converts an amount in major units, rounding to the currency's minor units with the given mode. */
    public static Money of(BigDecimal amount, CurrencyUnit currency, RoundingMode rounding) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal scaled = amount.setScale(currency.minorUnits(), rounding);
        return new Money(scaled.unscaledValue().longValueExact(), currency);
    }

    /** The amount in major units with exactly {@code currency.minorUnits()} decimals, e.g. 1.250 for KWD. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorAmount, currency.minorUnits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorAmount, other.minorAmount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorAmount, other.minorAmount), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorAmount, factor), currency);
    }

    public boolean isPositive() {
        return minorAmount > 0;
    }

    public boolean isZero() {
        return minorAmount == 0;
    }

    public boolean isNegative() {
        return minorAmount < 0;
    }

    public boolean hasCurrency(String currencyCode) {
        return currency.code().equals(currencyCode);
    }

    /** Orders amounts of the same currency; comparing different currencies is a programming error. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorAmount, other.minorAmount);
    }

    /** Short human-readable form, e.g. "€0.59", "¥170", "KWD 1.250"; see {@link MoneyFormat}. */
    public String display() {
        return MoneyFormat.format(this);
    }

    /** Unambiguous technical form for logs: ISO code and amount at the currency's scale, e.g. "EUR 0.59". */
    @Override
    public String toString() {
        return currency.code() + " " + amount().toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + this + " vs " + other);
        }
    }
}
