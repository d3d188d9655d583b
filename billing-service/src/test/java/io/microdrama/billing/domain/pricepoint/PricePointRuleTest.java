package io.microdrama.billing.domain.pricepoint;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-checked examples of the shipped ladders (price_points.csv) and of rule construction. */
class PricePointRuleTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final PricePointRule USD = rule("USD");
    private static final PricePointRule JPY = rule("JPY");
    private static final PricePointRule INR = rule("INR");
    private static final PricePointRule KWD = rule("KWD");
    private static final PricePointRule SEK = rule("SEK");

    @Test
    void usdNearestPicksTheCloserPointAndTiesGoDown() {
        // 1.013166 lies between 0.99 (0.023166 below) and 1.09 (0.076834 above): 0.99.
        assertThat(nearest(USD, "1.013166")).isEqualTo("0.99");
        // 1.04 is exactly halfway between 0.99 and 1.09: the tie goes to the lower point.
        assertThat(nearest(USD, "1.04")).isEqualTo("0.99");
        assertThat(nearest(USD, "1.0400001")).isEqualTo("1.09");
        // Band edge: 10.00 is 0.01 above 9.99 and 0.49 below 10.49.
        assertThat(nearest(USD, "10.00")).isEqualTo("9.99");
        // 10.30: 0.31 above 9.99, 0.19 below 10.49.
        assertThat(nearest(USD, "10.30")).isEqualTo("10.49");
        // Below the cheapest point (0.29) everything maps to it.
        assertThat(nearest(USD, "0.01")).isEqualTo("0.29");
        assertThat(USD.floor(new BigDecimal("0.20"))).isEmpty();
        assertThat(USD.lowest()).isEqualTo(Money.of("0.29", USD.currency()));
    }

    @Test
    void usdValidPoints() {
        assertThat(valid(USD, "0.99", "9.99", "10.49", "10.99", "49.99", "50.99", "199.99", "209.99")).isTrue();
        assertThat(valid(USD, "1.00")).isFalse();
        assertThat(valid(USD, "0.19")).as("below the lowest point").isFalse();
        assertThat(valid(USD, "10.09")).as("band 10-50 only has .49/.99").isFalse();
        assertThat(valid(USD, "205.99")).isFalse();
        assertThat(USD.isValid(Money.of("0.99", new CurrencyUnit("EUR", 2)))).as("other currency").isFalse();
    }

    @Test
    void jpyUsesTensThenFiftiesThenHundreds() {
        // 165.528 is 5.528 above 160 and 4.472 below 170.
        assertThat(nearest(JPY, "165.528")).isEqualTo("170");
        assertThat(valid(JPY, "170", "990", "1050", "9950", "10100")).isTrue();
        assertThat(valid(JPY, "175")).isFalse();
        assertThat(valid(JPY, "1020")).isFalse();
        assertThat(valid(JPY, "10050")).isFalse();
    }

    @Test
    void inrEndsInNine() {
        assertThat(valid(INR, "49", "99", "199", "999", "1099", "10999")).isTrue();
        assertThat(valid(INR, "100")).isFalse();
        assertThat(valid(INR, "1049")).isFalse();
        // 62.03142 is 3.03 above 59 and 6.97 below 69.
        assertThat(nearest(INR, "62.03142")).isEqualTo("59.00");
    }

    @Test
    void kwdUsesFiftyFilsStepsAtThreeDecimals() {
        assertThat(valid(KWD, "0.300", "1.250", "4.950", "5.250", "21.000")).isTrue();
        assertThat(valid(KWD, "0.320")).isFalse();
        assertThat(valid(KWD, "5.100")).isFalse();
        // 6.13693 is 0.13693 above 6.000 and 0.11307 below 6.250.
        assertThat(nearest(KWD, "6.13693")).isEqualTo("6.250");
    }

    @Test
    void swedishKronorAreWholeThenEndInFourOrNine() {
        // 11.694375 is 0.694375 above 11 and 0.305625 below 12 (whole kronor below 20).
        assertThat(nearest(SEK, "11.694375")).isEqualTo("12.00");
        // 21 is 2 above 19 and 3 below 24.
        assertThat(nearest(SEK, "21")).isEqualTo("19.00");
        assertThat(valid(SEK, "9", "10", "19", "24", "29", "99", "109", "1099")).isTrue();
        assertThat(valid(SEK, "25")).isFalse();
        assertThat(valid(SEK, "100")).isFalse();
        assertThat(valid(SEK, "9.50")).isFalse();
    }

    @Test
    void stepAtReportsTheBandOfTheAmount() {
        assertThat(USD.stepAt(new BigDecimal("5"))).isEqualByComparingTo("0.10");
        assertThat(USD.stepAt(new BigDecimal("10"))).isEqualByComparingTo("0.50");
        assertThat(USD.stepAt(new BigDecimal("0.01"))).as("below the ladder: first band").isEqualByComparingTo("0.10");
    }

    @Test
    void rejectsMalformedLadders() {
        CurrencyUnit eur = new CurrencyUnit("EUR", 2);
        CurrencyUnit jpy = new CurrencyUnit("JPY", 0);
        assertThatThrownBy(() -> new PricePointRule(eur, "shrinking", List.of(
                band("1", "1", "0"), band("10", "0.5", "0")))).hasMessageContaining("shrink");
        assertThatThrownBy(() -> new PricePointRule(jpy, "too fine", List.of(band("1", "0.5", "0"))))
                .hasMessageContaining("finer");
        assertThatThrownBy(() -> new PricePointRule(eur, "unordered", List.of(
                band("10", "1", "0"), band("1", "1", "0")))).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new PricePointRule(eur, "empty band", List.of(
                band("1", "10", "9"), band("5", "10", "9")))).hasMessageContaining("no price point");
        assertThatThrownBy(() -> band("1", "1", "1")).hasMessageContaining("ending");
        assertThatThrownBy(() -> new PricePointRule(eur, "none", List.of())).hasMessageContaining("at least one");
    }

    private static PricePointRule rule(String currency) {
        return DATA.pricePointRule(DATA.currency(currency));
    }

    private static PricePointBand band(String from, String step, String ending) {
        return new PricePointBand(new BigDecimal(from), new BigDecimal(step), new BigDecimal(ending));
    }

    private static String nearest(PricePointRule rule, String target) {
        return rule.nearest(new BigDecimal(target)).amount().toPlainString();
    }

    private static boolean valid(PricePointRule rule, String... amounts) {
        for (String amount : amounts) {
            if (!rule.isValid(Money.of(amount, rule.currency()))) {
                return false;
            }
        }
        return true;
    }
}
