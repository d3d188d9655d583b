package io.microdrama.billing.api;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.money.Money;

/**
 * An amount as the API shows it: integer minor units with the currency's ISO 4217 digits (never a floating-point
 * number), plus a plain display string for people (see docs/money.md).
 */
public record MoneyView(long amountMinor, String currency, int minorUnits, String formatted) {

    public static MoneyView of(Money money) {
        return new MoneyView(money.minorAmount(), money.currency().code(), money.currency().minorUnits(), money.display());
    }

    public static MoneyView of(long amountMinor, String currency, int minorUnits) {
        return of(Money.ofMinor(amountMinor, new CurrencyUnit(currency, minorUnits)));
    }
}
