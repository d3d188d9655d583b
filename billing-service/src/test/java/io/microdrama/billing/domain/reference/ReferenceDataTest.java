package io.microdrama.billing.domain.reference;

import io.microdrama.contracts.regions.RegionGroups;

import io.microdrama.billing.domain.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();
    private static final LocalDate NEW_YEAR_2026 = LocalDate.of(2026, 1, 1);

    @Test
    void shipsTheFortyEightDraftRegions() {
        Set<String> draftRegions = Set.of("US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "BE", "NL", "ES",
                "IT", "PT", "PL", "SE", "NO", "DK", "FI", "BG", "TR", "BR", "MX", "AR", "CO", "CL", "PE", "JP", "KR",
                "TW", "HK", "SG", "MY", "TH", "ID", "PH", "VN", "IN", "PK", "SA", "AE", "EG", "IL", "ZA", "NG", "KW", "EU");

        assertThat(draftRegions).hasSize(48);
        assertThat(DATA.regions()).isEqualTo(draftRegions);
        assertThat(DATA.storefrontsAt(NEW_YEAR_2026)).hasSize(48);
    }

    @Test
    void bulgariaSwitchesFromLevToEuroOnNewYear2026() {
        assertThat(DATA.storefrontAt("BG", LocalDate.of(2025, 12, 31)).currency()).isEqualTo(new CurrencyUnit("BGN", 2));
        assertThat(DATA.storefrontAt("BG", NEW_YEAR_2026).currency()).isEqualTo(new CurrencyUnit("EUR", 2));
        assertThat(DATA.storefrontHistory("BG")).extracting(Storefront::effectiveFrom)
                .containsExactly(LocalDate.of(2025, 1, 1), NEW_YEAR_2026);
    }

    @Test
    void noStorefrontBeforeTheDataStartsOrForUnknownRegions() {
        assertThatThrownBy(() -> DATA.storefrontAt("US", LocalDate.of(2024, 12, 31)))
                .isInstanceOf(UnknownStorefrontException.class);
        assertThatThrownBy(() -> DATA.storefrontFor("XX", NEW_YEAR_2026)).isInstanceOf(UnknownStorefrontException.class);
        assertThat(DATA.findStorefrontAt("ZZ", NEW_YEAR_2026)).isEmpty();
    }

    @Test
    void euMembersWithoutTheirOwnStorefrontGetTheEuDefault() {
        assertThat(DATA.storefrontFor("GR", NEW_YEAR_2026).region()).isEqualTo(ReferenceData.EU_DEFAULT_REGION);
        assertThat(DATA.storefrontFor("HR", NEW_YEAR_2026).currency().code()).isEqualTo("EUR");
        assertThat(DATA.storefrontFor("DE", NEW_YEAR_2026).region()).isEqualTo("DE");
        assertThatThrownBy(() -> DATA.storefrontFor("CN", NEW_YEAR_2026)).isInstanceOf(UnknownStorefrontException.class);
    }

    @Test
    void minorUnitsComeFromOurDataIncludingZeroAndThreeDigitCurrencies() {
        assertThat(DATA.currency("JPY").minorUnits()).isZero();
        assertThat(DATA.currency("KRW").minorUnits()).isZero();
        assertThat(DATA.currency("VND").minorUnits()).isZero();
        assertThat(DATA.currency("CLP").minorUnits()).isZero();
        assertThat(DATA.currency("KWD").minorUnits()).isEqualTo(3);
        assertThat(DATA.currency("IDR").minorUnits()).isEqualTo(2);
        assertThat(DATA.currency("TWD").minorUnits()).isEqualTo(2);
        assertThat(DATA.currency("EUR").minorUnits()).isEqualTo(2);
    }

    @Test
    void onlyUsAndCanadaShowPricesBeforeTax() {
        List<String> taxExclusive = DATA.storefrontsAt(NEW_YEAR_2026).stream()
                .filter(storefront -> !storefront.taxInclusiveDisplay())
                .map(Storefront::region)
                .toList();
        assertThat(taxExclusive).containsExactlyInAnyOrder("US", "CA");
    }

    @Test
    void everyUncheckedTaxRateSaysWhereItCameFrom() {
        for (Storefront row : DATA.allStorefrontRows()) {
            assertThat(row.source()).as(row.region() + " source").isNotBlank();
        }
        assertThat(DATA.storefrontAt("KW", NEW_YEAR_2026).taxRate()).isEqualByComparingTo("0");
        assertThat(DATA.storefrontAt("IL", NEW_YEAR_2026).taxRate()).isEqualByComparingTo("0.18");
    }

    @Test
    void euGroupHasTheTwentySevenMemberStatesAndEveryStorefrontCountryIsInAGroup() {
        assertThat(RegionGroups.members("EU")).hasSize(27).contains("GR", "HR", "BG", "IE").doesNotContain("GB", "CH", "NO");
        Set<String> grouped = RegionGroups.groups().values().stream()
                .flatMap(List::stream)
                .collect(Collectors.toSet());
        Set<String> countries = DATA.regions().stream()
                .filter(region -> !region.equals(ReferenceData.EU_DEFAULT_REGION))
                .collect(Collectors.toSet());
        assertThat(grouped).containsAll(countries);
        assertThat(RegionGroups.groupsOf("TR")).containsExactlyInAnyOrder("EUROPE", "MENA");
        assertThat(RegionGroups.expand(List.of("NORAM", "GB"))).containsExactlyInAnyOrder("US", "CA", "GB");
        assertThat(RegionGroups.isGroup("NA")).as("NA is Namibia, not a group").isFalse();
    }

    @Test
    void everyStorefrontCurrencyHasAnFxRateAndAPricePointRule() {
        for (Storefront row : DATA.allStorefrontRows()) {
            assertThat(DATA.fxRate(row.currency().code(), row.effectiveFrom()).unitsPerUsd()).isPositive();
            assertThat(DATA.pricePointRule(row.currency()).ladder()).isEqualTo(row.priceLadder());
        }
        assertThat(DATA.fxRate("USD", NEW_YEAR_2026).unitsPerUsd()).isEqualByComparingTo("1");
    }

    @Test
    void priceLaddersHonourCashIncrements() {
        for (Storefront row : DATA.allStorefrontRows()) {
            row.cashIncrement().ifPresent(increment ->
                    assertThat(DATA.pricePointRule(row.currency()).allPointsAreMultiplesOf(increment))
                            .as(row.region()).isTrue());
        }
        assertThat(DATA.storefrontAt("CH", NEW_YEAR_2026).cashIncrement()).contains(new BigDecimal("0.05"));
        assertThat(DATA.storefrontAt("CA", NEW_YEAR_2026).cashIncrement()).as("card payments: no cash rounding").isEmpty();
    }

    @Test
    void purchasingPowerFactorDefaultsToOne() {
        assertThat(DATA.purchasingPowerFactor("US", NEW_YEAR_2026)).isEqualByComparingTo("1");
        assertThat(DATA.purchasingPowerFactor("IN", NEW_YEAR_2026)).isEqualByComparingTo("0.60");
    }

    @Test
    void fxUpdateMakesANewInstanceAndRejectsUnknownCurrencies() {
        FxRate parity = new FxRate("EUR", BigDecimal.ONE, NEW_YEAR_2026, "admin");
        ReferenceData updated = DATA.withFxRates(List.of(parity));

        assertThat(updated.fxRate("EUR", NEW_YEAR_2026)).isEqualTo(parity);
        assertThat(updated.fxRate("EUR", NEW_YEAR_2026.minusDays(1)).unitsPerUsd()).isEqualByComparingTo("0.86");
        assertThat(updated.fxRateHistory("EUR")).hasSize(2);
        assertThat(DATA.fxRate("EUR", NEW_YEAR_2026).unitsPerUsd()).isEqualByComparingTo("0.86");
        assertThatThrownBy(() -> DATA.withFxRates(List.of(new FxRate("XYZ", BigDecimal.ONE, NEW_YEAR_2026, "typo"))))
                .isInstanceOf(ReferenceDataException.class).hasMessageContaining("XYZ");
    }

    @Test
    void loaderRejectsACurrencyWithTwoDifferentDigitCounts() {
        ReferenceSource source = TestSources.shipped()
                .replaceLine("storefronts.csv", "AT,", "AT,Austria,2025-01-01,EUR,3,,DECIMAL_99,true,0.20,true,,x")
                .source();
        assertThatThrownBy(() -> ReferenceData.load(source)).isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("EUR");
    }

    @Test
    void loaderRejectsALadderThatBreaksTheCashIncrement() {
        ReferenceSource source = TestSources.shipped()
                .replaceLine("storefronts.csv", "CH,", "CH,Switzerland,2025-01-01,CHF,2,0.05,DECIMAL_99,true,0.081,true,,x")
                .source();
        assertThatThrownBy(() -> ReferenceData.load(source)).hasMessageContaining("cash increment");
    }

    @Test
    void loaderRejectsAStorefrontCurrencyWithoutFxRate() {
        ReferenceSource source = TestSources.shipped().replaceLine("fx_rates.csv", "KWD,", "").source();
        assertThatThrownBy(() -> ReferenceData.load(source)).hasMessageContaining("no FX rate for storefront currency KWD");
    }

    @Test
    void loaderRejectsTwoRowsForTheSameRegionAndDate() {
        ReferenceSource source = TestSources.shipped()
                .edit("storefronts.csv", text -> text + "US,United States,2025-01-01,USD,2,,DECIMAL_99,false,0,true,,x\n")
                .source();
        assertThatThrownBy(() -> ReferenceData.load(source)).hasMessageContaining("US: two storefront rows");
    }

    @Test
    void loaderReportsTheLineOfABadValue() {
        ReferenceSource source = TestSources.shipped()
                .replaceLine("storefronts.csv", "DE,", "DE,Germany,2025-01-01,EUR,2,,DECIMAL_99,yes,0.19,true,,x")
                .source();
        assertThatThrownBy(() -> ReferenceData.load(source)).hasMessageContaining("storefronts.csv line")
                .hasMessageContaining("tax_inclusive_display");
    }
}
