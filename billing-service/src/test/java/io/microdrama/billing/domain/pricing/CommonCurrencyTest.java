package io.microdrama.billing.domain.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommonCurrencyTest {

    @Test
    void aPriceInATwoDecimalCurrencyIsWorthItsAmountOverTheRate() {
        // 0.99 GBP at 0.79 GBP per USD = 1.2531… USD
        assertThat(CommonCurrency.usdCents(99, 2, new BigDecimal("0.79"))).isEqualTo(125);
    }

    @Test
    void zeroAndThreeDecimalCurrenciesKeepTheirScale() {
        // 150 JPY at 150 JPY per USD = 1.00 USD; 0.390 KWD at 0.307 KWD per USD = 1.2703… USD
        assertThat(CommonCurrency.usdCents(150, 0, new BigDecimal("150"))).isEqualTo(100);
        assertThat(CommonCurrency.usdCents(390, 3, new BigDecimal("0.307"))).isEqualTo(127);
    }

    @Test
    void aDollarIsADollar() {
        assertThat(CommonCurrency.usdCents(199, 2, BigDecimal.ONE)).isEqualTo(199);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> CommonCurrency.usdCents(199, 2, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
