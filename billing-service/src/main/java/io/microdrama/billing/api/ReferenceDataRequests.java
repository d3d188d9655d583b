package io.microdrama.billing.api;

import io.microdrama.billing.domain.Pricing;
import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.FxRate;
import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import io.microdrama.billing.domain.reference.Storefront;
import io.microdrama.billing.domain.tier.PriceOverride;
import io.microdrama.billing.domain.tier.PricingTier;
import io.microdrama.billing.domain.tier.PricingTierVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bodies of the admin API's PUTs and their checks. Field checks that need the data in force (a known ladder, a
 * currency's digits) read the current snapshot; the final consistency check runs again under the change lock.
 */
public final class ReferenceDataRequests {

    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final int MAX_TEXT = 500;
    private static final BigDecimal MAX_UNITS_PER_USD = new BigDecimal("1000000000");

    private ReferenceDataRequests() {
    }

    /**
     * A storefront as it will be from {@code effectiveFrom}. {@code usdRate} (units per USD) is only for a currency
     * no storefront uses yet: it becomes that currency's first FX snapshot, as of the same date.
     */
    public record StorefrontVersionRequest(String name, String currency, BigDecimal minorUnits, BigDecimal cashIncrement,
            String priceLadder, Boolean taxInclusiveDisplay, BigDecimal taxRate, Boolean taxRateChecked, String notes,
            String source, BigDecimal usdRate) {

        /** The new version, plus the FX snapshot for a new currency; or a 422 naming every invalid field. */
        List<Object> toVersions(String region, LocalDate effectiveFrom, Pricing pricing, FieldCheck check) {
            String validName = check.text("name", name, 100);
            String code = check.matching("currency", currency, CURRENCY, "an ISO 4217 code (three capital letters)");
            Long digits = check.wholeNumber("minorUnits", minorUnits, 0, 3);
            Optional<BigDecimal> increment = check.optionalDecimal("cashIncrement", cashIncrement, BigDecimal.ZERO, false,
                    new BigDecimal("1000"), 3);
            String ladder = check.text("priceLadder", priceLadder, 64);
            Boolean inclusive = check.bool("taxInclusiveDisplay", taxInclusiveDisplay);
            BigDecimal rate = check.decimal("taxRate", taxRate, BigDecimal.ZERO, true, BigDecimal.ONE, 6);
            String validNotes = check.optionalText("notes", notes, MAX_TEXT).orElse("");
            String validSource = check.text("source", source, MAX_TEXT);
            Optional<BigDecimal> newCurrencyRate = check.optionalDecimal("usdRate", usdRate, BigDecimal.ZERO, false,
                    MAX_UNITS_PER_USD, 8);
            if (ladder != null && !pricing.referenceData().ladders().containsKey(ladder)) {
                check.fail("priceLadder", "unknown ladder; known: " + String.join(", ", pricing.referenceData().ladders().keySet()));
            }
            if (code != null) {
                boolean knownCurrency = !pricing.referenceData().fxRateHistory(code).isEmpty();
                if (knownCurrency) {
                    CurrencyUnit known = pricing.referenceData().currency(code);
                    if (digits != null && known.minorUnits() != digits) {
                        check.fail("minorUnits", code + " has " + known.minorUnits() + " minor-unit digits in this data");
                    }
                    String knownLadder = pricing.referenceData().pricePointRule(known).ladder();
                    if (ladder != null && !knownLadder.equals(ladder)) {
                        check.fail("priceLadder", code + " uses ladder " + knownLadder + " in every storefront");
                    }
                    if (usdRate != null) {
                        check.fail("usdRate", "only for a currency without an FX rate; " + code
                                + " has one (add rates with PUT /api/v1/billing/reference/fx-rates/{asOf})");
                    }
                } else if (usdRate == null) {
                    check.fail("usdRate", "is required: no storefront uses " + code + " yet, so it has no FX rate");
                }
            }
            check.throwIfInvalid();
            List<Object> versions = new ArrayList<>();
            versions.add(new Storefront(region, validName, effectiveFrom, new CurrencyUnit(code, Math.toIntExact(digits)),
                    increment, ladder, inclusive, rate, Boolean.TRUE.equals(taxRateChecked), validNotes, validSource));
            newCurrencyRate.ifPresent(units -> versions.add(new FxRate(code, units, effectiveFrom,
                    "first rate of " + code + ", with storefront " + region + ": " + validSource)));
            return versions;
        }
    }

    /** FX snapshot: units of each currency per 1 USD, in force for prices from {@code asOf}. */
    public record FxRatesRequest(Map<String, BigDecimal> rates, String source) {

        List<FxRate> toRates(LocalDate asOf, Pricing pricing, FieldCheck check) {
            String validSource = check.text("source", source, MAX_TEXT);
            List<FxRate> result = new ArrayList<>();
            if (rates == null || rates.isEmpty()) {
                check.fail("rates", "must list at least one currency, e.g. {\"EUR\": 0.91}");
            } else {
                rates.forEach((code, units) -> {
                    String field = "rates." + code;
                    if (!CURRENCY.matcher(code).matches()) {
                        check.fail(field, "must be an ISO 4217 code (three capital letters)");
                    } else if (pricing.referenceData().fxRateHistory(code).isEmpty()) {
                        check.fail(field, "no storefront uses " + code
                                + " (a new currency comes with its storefront: PUT …/storefronts/{region}/versions/{date})");
                    } else {
                        check.optionalDecimal(field, units, BigDecimal.ZERO, false, MAX_UNITS_PER_USD, 8).ifPresent(value -> {
                            if (code.equals(PriceEqualizer.ANCHOR_CURRENCY) && value.compareTo(BigDecimal.ONE) != 0) {
                                check.fail(field, "USD is the anchor currency: its rate is always 1");
                            } else {
                                result.add(new FxRate(code, value, asOf, validSource));
                            }
                        });
                        if (units == null) {
                            check.fail(field, "is required");
                        }
                    }
                });
            }
            check.throwIfInvalid();
            return result;
        }
    }

    public record PurchasingPowerFactorRequest(BigDecimal factor, String note) {

        PurchasingPowerFactor toFactor(String region, LocalDate effectiveFrom, FieldCheck check) {
            BigDecimal value = check.decimal("factor", factor, BigDecimal.ZERO, false, BigDecimal.TEN, 4);
            String validNote = check.optionalText("note", note, MAX_TEXT).orElse("");
            check.throwIfInvalid();
            return new PurchasingPowerFactor(region, effectiveFrom, value, validNote);
        }
    }

    public record TierVersionRequest(BigDecimal freeEpisodes, BigDecimal coinsPerEpisode, BigDecimal seriesDiscountPercent,
            String notes) {

        PricingTierVersion toVersion(String tier, LocalDate effectiveFrom, FieldCheck check) {
            Long free = check.wholeNumber("freeEpisodes", freeEpisodes, 0, PriceOverride.MAX_FREE_EPISODES);
            Long coins = check.wholeNumber("coinsPerEpisode", coinsPerEpisode, 1, PriceOverride.MAX_COINS_PER_EPISODE);
            Optional<BigDecimal> discount = check.optionalDecimal("seriesDiscountPercent", seriesDiscountPercent,
                    BigDecimal.ZERO, true, new BigDecimal("100"), 2);
            String validNotes = check.optionalText("notes", notes, MAX_TEXT).orElse("");
            check.throwIfInvalid();
            return new PricingTierVersion(effectiveFrom, new PricingTier(tier, Math.toIntExact(free), coins, discount), validNotes);
        }
    }
}
