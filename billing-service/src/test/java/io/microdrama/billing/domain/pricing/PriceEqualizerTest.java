package io.microdrama.billing.domain.pricing;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Examples computed by hand from the shipped data (fx_rates.csv, ppp_factors.csv, storefronts.csv and the ladders
 * in price_points.csv): target = anchor × FX × PPP × (1 + tax where display includes tax).
 */
class PriceEqualizerTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final PriceEqualizer EQUALIZER = new PriceEqualizer(DATA);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void usAnchorIsItsOwnPriceAndTaxIsAddedAtCheckout() {
        // 0.99 × 1 × 1 = 0.99, a DECIMAL_99 point. Tax-exclusive: net = display.
        LocalPrice price = EQUALIZER.equalize(usd("0.99"), "US", DAY);
        assertPrice(price, "USD 0.99", "USD 0.99");
        assertThat(price.taxInclusive()).isFalse();
    }

    @Test
    void canadaConvertsButShowsPricesBeforeTax() {
        // 0.99 × 1.39 = 1.3761; points 1.29 (0.0861 below) and 1.39 (0.0139 above): 1.39. Net = display.
        LocalPrice price = EQUALIZER.equalize(usd("0.99"), "CA", DAY);
        assertPrice(price, "CAD 1.39", "CAD 1.39");
        assertThat(price.taxRate()).isEqualByComparingTo("0.05");
    }

    @Test
    void germanyAddsVatBeforeChoosingThePricePoint() {
        // 0.99 × 0.86 × 1.19 = 1.013166; 0.99 is 0.023166 below, 1.09 is 0.076834 above: €0.99.
        // Net 0.99 / 1.19 = 0.831932… → 0.83.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "DE", DAY), "EUR 0.99", "EUR 0.83");
        // VIP: 19.99 × 0.86 × 1.19 = 20.457766; 19.99 is 0.467766 below, 20.49 is 0.032234 above: €20.49.
        // Net 20.49 / 1.19 = 17.218487… → 17.22.
        assertPrice(EQUALIZER.equalize(usd("19.99"), "DE", DAY), "EUR 20.49", "EUR 17.22");
    }

    @Test
    void britainLandsJustBelowTheTarget() {
        // 0.99 × 0.75 × 1.20 = 0.891; 0.89 is 0.001 below: £0.89. Net 0.89 / 1.2 = 0.741666… → 0.74.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "GB", DAY), "GBP 0.89", "GBP 0.74");
    }

    @Test
    void japanUsesWholeYen() {
        // 0.99 × 152 × 1.10 = 165.528; 160 is 5.528 below, 170 is 4.472 above: ¥170. Net 170 / 1.1 = 154.54… → 155.
        LocalPrice price = EQUALIZER.equalize(usd("0.99"), "JP", DAY);
        assertPrice(price, "JPY 170", "JPY 155");
        assertThat(price.display().amount().scale()).isZero();
    }

    @Test
    void koreaVietnamAndChileUseWholeUnitsWithCoarserSteps() {
        // KR: 0.99 × 1440 × 1.1 = 1568.16 → ₩1600 (31.84 above; 1500 is 68.16 below). Net 1600 / 1.1 = 1454.54… → 1455.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "KR", DAY), "KRW 1600", "KRW 1455");
        // VN (PPP 0.70): 0.99 × 26300 × 0.70 × 1.1 = 20048.49 → 20000. Net 20000 / 1.1 = 18181.81… → 18182.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "VN", DAY), "VND 20000", "VND 18182");
        // CL: 0.99 × 940 × 1.19 = 1107.414 → 1100 (step 100 from 1000). Net 1100 / 1.19 = 924.36… → 924.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "CL", DAY), "CLP 1100", "CLP 924");
    }

    @Test
    void kuwaitHasThreeDecimalsAndNoVat() {
        // 0.99 × 0.307 = 0.30393 → 0.300 (0.00393 below; 0.350 is 0.04607 above).
        assertPrice(EQUALIZER.equalize(usd("0.99"), "KW", DAY), "KWD 0.300", "KWD 0.300");
        // 19.99 × 0.307 = 6.13693; 6.000 is 0.13693 below, 6.250 is 0.11307 above: 6.250.
        LocalPrice vip = EQUALIZER.equalize(usd("19.99"), "KW", DAY);
        assertPrice(vip, "KWD 6.250", "KWD 6.250");
        assertThat(vip.display().display()).isEqualTo("KWD 6.250");
    }

    @Test
    void indiaAppliesThePurchasingPowerFactor() {
        // 0.99 × 88.5 × 0.60 × 1.18 = 62.03142; 59 is 3.03142 below, 69 is 6.96858 above: ₹59. Net 59 / 1.18 = 50.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "IN", DAY), "INR 59.00", "INR 50.00");
    }

    @Test
    void switzerlandPricesAreMultiplesOfFiveRappen() {
        // 0.99 × 0.80 × 1.081 = 0.856152; 0.80 is 0.056152 below, 0.90 is 0.043848 above: CHF 0.90.
        // Net 0.90 / 1.081 = 0.832562… → 0.83.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "CH", DAY), "CHF 0.90", "CHF 0.83");
    }

    @Test
    void swedenUsesWholeKronor() {
        // 0.99 × 9.45 × 1.25 = 11.694375; 11 is 0.694375 below, 12 is 0.305625 above: 12 kr. Net 12 / 1.25 = 9.60.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "SE", DAY), "SEK 12.00", "SEK 9.60");
        // 4.99 × 9.45 × 1.25 = 58.944375; 54 is 4.944375 below, 59 is 0.055625 above: 59 kr. Net 59 / 1.25 = 47.20.
        assertPrice(EQUALIZER.equalize(usd("4.99"), "SE", DAY), "SEK 59.00", "SEK 47.20");
    }

    @Test
    void bulgariaPricesInLevOnNewYearsEveAndInEuroOnNewYearsDay() {
        // 2025-12-31, BGN: 0.99 × 1.6820 × 1.20 = 1.998216; 1.99 is 0.008216 below: 1.99 лв.
        // Net 1.99 / 1.2 = 1.658333… → 1.66.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "BG", LocalDate.of(2025, 12, 31)), "BGN 1.99", "BGN 1.66");
        // 2026-01-01, EUR: 0.99 × 0.86 × 1.20 = 1.02168; 0.99 is 0.03168 below, 1.09 is 0.06832 above: €0.99.
        // Net 0.99 / 1.2 = 0.825 → half-up 0.83.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "BG", LocalDate.of(2026, 1, 1)), "EUR 0.99", "EUR 0.83");
    }

    @Test
    void philippinesStartsChargingVatOnTheSecondOfJune2025() {
        // Before: no VAT. 0.99 × 58.5 × 0.75 = 43.43625 → 43 (whole units below 100). Net = 43.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "PH", LocalDate.of(2025, 6, 1)), "PHP 43.00", "PHP 43.00");
        // From 2025-06-02, 12%: 43.43625 × 1.12 = 48.6486 → 49. Net 49 / 1.12 = 43.75.
        assertPrice(EQUALIZER.equalize(usd("0.99"), "PH", LocalDate.of(2025, 6, 2)), "PHP 49.00", "PHP 43.75");
    }

    @Test
    void exactTargetExplainsThePrice() {
        assertThat(EQUALIZER.exactTarget(usd("0.99"), DATA.storefrontAt("DE", DAY), DAY)).isEqualByComparingTo("1.013166");
    }

    @Test
    void anchorsMustBePositiveUsd() {
        assertThatThrownBy(() -> EQUALIZER.equalize(Money.of("0.99", DATA.currency("EUR")), "DE", DAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EQUALIZER.equalize(usd("0"), "DE", DAY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Money usd(String amount) {
        return Money.of(amount, DATA.currency("USD"));
    }

    private static void assertPrice(LocalPrice price, String display, String net) {
        assertThat(price.display()).hasToString(display);
        assertThat(price.net()).hasToString(net);
    }
}
