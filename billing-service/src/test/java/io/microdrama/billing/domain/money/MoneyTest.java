package io.microdrama.billing.domain.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);
    private static final CurrencyUnit KWD = new CurrencyUnit("KWD", 3);
    private static final CurrencyUnit CAD = new CurrencyUnit("CAD", 2);

    @Test
    void storesWholeMinorUnitsAtTheCurrencysScale() {
        assertThat(Money.of("0.99", USD).minorAmount()).isEqualTo(99);
        assertThat(Money.of("1.25", KWD).minorAmount()).isEqualTo(1250);
        assertThat(Money.of("1.25", KWD).amount()).isEqualByComparingTo("1.250").hasToString("1.250");
        assertThat(Money.of("90", JPY).amount()).hasToString("90");
    }

    @Test
    void exactConversionRefusesToDropDigits() {
        assertThatThrownBy(() -> Money.of("0.995", USD)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("160.5", JPY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundingIsExplicit() {
        // 160.5 yen: half-up gives 161, half-even 160 (the bank rounding Moneta applies by default).
        assertThat(Money.of(new BigDecimal("160.5"), JPY, RoundingMode.HALF_UP).minorAmount()).isEqualTo(161);
        assertThat(Money.of(new BigDecimal("160.5"), JPY, RoundingMode.HALF_EVEN).minorAmount()).isEqualTo(160);
        // 1.23456 KWD to 3 digits: 1.235 (the 4th digit, 5, rounds up).
        assertThat(Money.of(new BigDecimal("1.23456"), KWD, RoundingMode.HALF_UP).amount()).hasToString("1.235");
    }

    @Test
    void formatsWithASymbolOnlyWhereItIsUnambiguous() {
        assertThat(Money.of("0.59", EUR).display()).isEqualTo("€0.59");
        assertThat(Money.of("90", JPY).display()).isEqualTo("¥90");
        assertThat(Money.of("1.25", KWD).display()).isEqualTo("KWD 1.250");
        assertThat(Money.of("0.99", USD).display()).isEqualTo("$0.99");
        assertThat(Money.of("1.39", CAD).display()).isEqualTo("CAD 1.39");
        assertThat(Money.of("-0.59", EUR).display()).isEqualTo("-€0.59");
        assertThat(Money.of("0.59", EUR)).hasToString("EUR 0.59");
    }

    @Test
    void arithmeticStaysInOneCurrency() {
        assertThat(Money.of("0.99", USD).plus(Money.of("4.99", USD))).isEqualTo(Money.of("5.98", USD));
        assertThat(Money.of("0.99", USD).times(3)).isEqualTo(Money.of("2.97", USD));
        assertThat(Money.of("1.00", USD).minus(Money.of("1.01", USD)).isNegative()).isTrue();
        assertThatThrownBy(() -> Money.of("1", USD).plus(Money.of("1", EUR))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", USD).compareTo(Money.of("1", EUR))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, USD).plus(Money.ofMinor(1, USD)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currencyUnitRejectsMalformedData() {
        assertThatThrownBy(() -> new CurrencyUnit("usd", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurrencyUnit("USD", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurrencyUnit("USD", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
