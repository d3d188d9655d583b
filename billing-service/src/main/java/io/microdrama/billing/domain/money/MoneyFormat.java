package io.microdrama.billing.domain.money;

import java.util.Map;

/**
 * Deliberately small display formatting for ops screens, events and logs: a symbol where it is unambiguous,
 * otherwise the ISO code and a space, then the amount at the currency's scale without grouping.
 * Examples: "$0.99", "€0.59", "¥90", "KWD 1.250", "CAD 1.39".
 *
 * <p>Locale-aware formatting (digit grouping such as Indian lakh grouping, symbol position, RTL) belongs to the
 * client apps, which know the user's locale.
 */
public final class MoneyFormat {

    /**
     * Only symbols that name one currency in our storefronts. "$" is used for USD only: CAD, AUD, NZD, SGD, HKD,
     * MXN … also write "$", so they get their ISO code instead.
     */
    private static final Map<String, String> SYMBOLS = Map.of(
            "USD", "$",
            "EUR", "€",
            "GBP", "£",
            "JPY", "¥",
            "KRW", "₩",
            "INR", "₹");

    private MoneyFormat() {
    }

    public static String format(Money money) {
        String sign = money.isNegative() ? "-" : "";
        String amount = money.amount().abs().toPlainString();
        String code = money.currency().code();
        String symbol = SYMBOLS.get(code);
        return symbol != null ? sign + symbol + amount : sign + code + " " + amount;
    }
}
