package io.microdrama.billing.domain.pricing;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.reference.Storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A price in a storefront's currency.
 *
 * @param display      what the customer sees: tax included where the storefront shows tax-inclusive prices
 * @param net          the price without tax: display / (1 + taxRate) rounded half-up to minor units for
 *                     tax-inclusive storefronts; equal to display where tax is added at checkout (US, CA)
 * @param taxInclusive whether {@code display} includes tax
 * @param taxRate      the storefront's standard rate (for tax-exclusive storefronts: the rate added later)
 */
public record LocalPrice(Money display, Money net, boolean taxInclusive, BigDecimal taxRate) {

    /** Half-up: there is no running sum to bias, and it is the rounding people check prices with. */
    static final RoundingMode NET_ROUNDING = RoundingMode.HALF_UP;

    public LocalPrice {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(taxRate, "taxRate");
        if (!display.currency().equals(net.currency())) {
            throw new IllegalArgumentException("display and net in different currencies: " + display + ", " + net);
        }
        if (!taxInclusive && !display.equals(net)) {
            throw new IllegalArgumentException("without tax in the display, net must equal display: " + display + ", " + net);
        }
    }

    /** Derives the net from a displayed price the way the storefront displays it. */
    public static LocalPrice fromDisplay(Money display, Storefront storefront) {
        if (!storefront.taxInclusiveDisplay()) {
            return new LocalPrice(display, display, false, storefront.taxRate());
        }
        BigDecimal net = display.amount().divide(storefront.displayFactor(), display.currency().minorUnits(), NET_ROUNDING);
        return new LocalPrice(display, Money.of(net, display.currency()), true, storefront.taxRate());
    }

    /** The tax included in the display (zero for tax-exclusive storefronts). */
    public Money includedTax() {
        return display.minus(net);
    }
}
