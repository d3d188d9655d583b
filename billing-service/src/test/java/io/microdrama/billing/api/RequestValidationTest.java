package io.microdrama.billing.api;

import io.microdrama.billing.api.ReferenceDataRequests.FxRatesRequest;
import io.microdrama.billing.api.ReferenceDataRequests.StorefrontVersionRequest;
import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Request checks without the stack: every invalid field is named, valid input becomes domain values. */
class RequestValidationTest {

    private static final Pricing PRICING = Pricing.loadDefault();
    private static final LocalDate DAY = LocalDate.of(2027, 1, 1);

    @Test
    void aValidOverrideBecomesTheDomainOverride() {
        OverrideRequest request = new OverrideRequest(new BigDecimal("45"), new BigDecimal("8.0"), null, " promo ");
        assertThat(request.toOverride(new FieldCheck())).isEqualTo(new PriceOverride(45, 8, Optional.empty()));
    }

    @Test
    void everyInvalidOverrideFieldIsNamedAndFractionsAreNotTruncated() {
        OverrideRequest request = new OverrideRequest(new BigDecimal("1.5"), new BigDecimal("10001"), new BigDecimal("-1"), "");
        assertThat(fields(() -> request.toOverride(new FieldCheck())))
                .containsExactly("coinsPerEpisode", "freeEpisodes", "seriesCoins", "reason");
        OverrideRequest tooLong = new OverrideRequest(BigDecimal.ONE, BigDecimal.ZERO, null, "x".repeat(501));
        assertThat(fields(() -> tooLong.toOverride(new FieldCheck()))).containsExactly("reason");
    }

    @Test
    void aStorefrontVersionForAKnownCurrencyNeedsItsDigitsAndLadder() {
        StorefrontVersionRequest request = new StorefrontVersionRequest("Finland", "EUR", BigDecimal.valueOf(2), null,
                "DECIMAL_99", true, new BigDecimal("0.255"), true, null, "vero.fi", null);
        List<Object> versions = request.toVersions("FI", DAY, PRICING, new FieldCheck());
        assertThat(versions).hasSize(1);
        Storefront storefront = (Storefront) versions.get(0);
        assertThat(storefront.effectiveFrom()).isEqualTo(DAY);
        assertThat(storefront.taxRate()).isEqualByComparingTo("0.255");

        StorefrontVersionRequest wrong = new StorefrontVersionRequest("Finland", "EUR", BigDecimal.ZERO, null,
                "NORDIC", true, new BigDecimal("0.255"), true, null, "vero.fi", new BigDecimal("0.9"));
        assertThat(fields(() -> wrong.toVersions("FI", DAY, PRICING, new FieldCheck())))
                .containsExactly("minorUnits", "priceLadder", "usdRate");
    }

    @Test
    void aStorefrontInANewCurrencyCarriesItsFirstRate() {
        StorefrontVersionRequest kenya = new StorefrontVersionRequest("Kenya", "KES", BigDecimal.valueOf(2), null, "WHOLE_9",
                true, new BigDecimal("0.16"), false, null, "test", new BigDecimal("129.5"));
        List<Object> versions = kenya.toVersions("KE", DAY, PRICING, new FieldCheck());
        assertThat(versions).hasSize(2);
        FxRate rate = (FxRate) versions.get(1);
        assertThat(rate.currency()).isEqualTo("KES");
        assertThat(rate.asOf()).isEqualTo(DAY);
        assertThat(rate.unitsPerUsd()).isEqualByComparingTo("129.5");
    }

    @Test
    void fxRatesNameEachBadCurrencyAndKeepUsdAtOne() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("EUR", new BigDecimal("0.91"));
        rates.put("usd", BigDecimal.ONE);
        rates.put("USD", new BigDecimal("1.01"));
        rates.put("XYZ", BigDecimal.ONE);
        rates.put("JPY", null);
        assertThat(fields(() -> new FxRatesRequest(rates, "ECB").toRates(DAY, PRICING, new FieldCheck())))
                .containsExactly("rates.usd", "rates.USD", "rates.XYZ", "rates.JPY");
        assertThat(new FxRatesRequest(Map.of("EUR", new BigDecimal("0.91")), "ECB").toRates(DAY, PRICING, new FieldCheck()))
                .containsExactly(new FxRate("EUR", new BigDecimal("0.91"), DAY, "ECB"));
    }

    @Test
    void datesInPathsAndQueriesOutsideTheStorableRangeAre422NamingTheField() {
        assertThat(fields(() -> {
            FieldCheck check = new FieldCheck();
            check.date("effectiveFrom", "+10000-01-01");
            check.date("asOf", "-0001-12-31");
            check.throwIfInvalid();
        })).containsExactly("effectiveFrom", "asOf");
        FieldCheck fine = new FieldCheck();
        assertThat(fine.date("asOf", "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
        fine.throwIfInvalid();
    }

    private static List<String> fields(Runnable request) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, request::run);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(422);
        return refused.toProblem().errors().stream().map(FieldError::field).toList();
    }
}
