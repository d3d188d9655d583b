package io.microdrama.billing.domain.reference;

import io.microdrama.contracts.regions.RegionGroups;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.pricepoint.PricePointBand;
import io.microdrama.billing.domain.pricepoint.PricePointRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The market facts pricing works from, immutable and checked for consistency when built: effective-dated
 * storefronts, currencies (digits from our data, not the JDK), FX snapshots, purchasing-power factors,
 * price ladders and region groups.
 *
 * <p>Everything that changes over time is versioned by date and looked up "as in force on a date": storefronts and
 * purchasing-power factors by {@code effectiveFrom}, FX rates by {@code asOf}. A change is a new version, never an
 * edit, so a price computed for a past date stays reproducible. Updates (an admin adding a version) produce a new
 * instance, so a pricing run never sees half an update.
 */
public final class ReferenceData {

    /** Region code of the default storefront for EU member states that have no storefront of their own. */
    public static final String EU_DEFAULT_REGION = "EU";

    private final Map<String, List<Storefront>> storefrontsByRegion;
    private final Map<String, CurrencyUnit> currencies;
    private final Map<String, List<FxRate>> fxRates;
    private final Map<String, List<PurchasingPowerFactor>> purchasingPowerFactors;
    private final Map<String, List<PricePointBand>> ladders;
    private final Map<String, PricePointRule> rulesByCurrency;

    public ReferenceData(Collection<Storefront> storefronts,
                         Collection<FxRate> fxRates,
                         Collection<PurchasingPowerFactor> purchasingPowerFactors,
                         Map<String, List<PricePointBand>> ladders) {
        this.storefrontsByRegion = indexStorefronts(storefronts);
        this.currencies = collectCurrencies(storefronts);
        this.fxRates = indexFxRates(fxRates);
        this.purchasingPowerFactors = indexPurchasingPowerFactors(purchasingPowerFactors);
        this.ladders = copyLadders(ladders);
        this.rulesByCurrency = bindLadders(storefronts);
    }

    /** The reference data shipped in the jar ({@code src/main/resources/reference/}). */
    public static ReferenceData loadDefault() {
        return ReferenceDataLoader.load(ReferenceSource.classpath());
    }

    public static ReferenceData load(ReferenceSource source) {
        return ReferenceDataLoader.load(source);
    }

    /** The storefront row in force for {@code region} on {@code date}. */
    public Storefront storefrontAt(String region, LocalDate date) {
        return findStorefrontAt(region, date).orElseThrow(() -> new UnknownStorefrontException(region, date));
    }

    public Optional<Storefront> findStorefrontAt(String region, LocalDate date) {
        Objects.requireNonNull(date, "date");
        Storefront inForce = null;
        for (Storefront row : storefrontsByRegion.getOrDefault(region, List.of())) {
            if (!row.effectiveFrom().isAfter(date)) {
                inForce = row;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /**
     * Like {@link #storefrontAt} but for any country: an EU member state without its own storefront (e.g. GR, HR)
     * gets the {@value #EU_DEFAULT_REGION} default storefront.
     */
    public Storefront storefrontFor(String country, LocalDate date) {
        Optional<Storefront> own = findStorefrontAt(country, date);
        if (own.isPresent()) {
            return own.get();
        }
        if (RegionGroups.members("EU").contains(country)) {
            return findStorefrontAt(EU_DEFAULT_REGION, date).orElseThrow(() -> new UnknownStorefrontException(country, date));
        }
        throw new UnknownStorefrontException(country, date);
    }

    /** Every storefront in force on {@code date}, ordered by region. */
    public List<Storefront> storefrontsAt(LocalDate date) {
        List<Storefront> result = new ArrayList<>();
        for (String region : storefrontsByRegion.keySet()) {
            findStorefrontAt(region, date).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** All rows of one region, oldest first. */
    public List<Storefront> storefrontHistory(String region) {
        return storefrontsByRegion.getOrDefault(region, List.of());
    }

    /** Every row of every region (each one a storefront as it was or will be in force). */
    public List<Storefront> allStorefrontRows() {
        return storefrontsByRegion.values().stream().flatMap(List::stream).toList();
    }

    public Set<String> regions() {
        return new TreeSet<>(storefrontsByRegion.keySet());
    }

    /** A currency used by at least one storefront, with the minor-unit digits from our data. */
    public CurrencyUnit currency(String code) {
        CurrencyUnit currency = currencies.get(code);
        if (currency == null) {
            throw new IllegalArgumentException("unknown currency: " + code);
        }
        return currency;
    }

    /**
     * The rate of {@code currencyCode} used for prices on {@code date}: the latest snapshot taken on or before that
     * date. Before a currency's first snapshot its first snapshot is used, because there is no older data (the
     * shipped snapshot is as of 2025-10-01, the storefront data starts 2025-01-01).
     */
    public FxRate fxRate(String currencyCode, LocalDate date) {
        Objects.requireNonNull(date, "date");
        List<FxRate> history = fxRates.get(currencyCode);
        if (history == null) {
            throw new IllegalArgumentException("no FX rate for " + currencyCode);
        }
        FxRate inForce = history.get(0);
        for (FxRate rate : history) {
            if (!rate.asOf().isAfter(date)) {
                inForce = rate;
            }
        }
        return inForce;
    }

    /** Every snapshot of one currency, oldest first (empty for an unknown currency). */
    public List<FxRate> fxRateHistory(String currencyCode) {
        return fxRates.getOrDefault(currencyCode, List.of());
    }

    /** The rate of every currency as used on {@code date}, ordered by currency code. */
    public List<FxRate> fxRatesAt(LocalDate date) {
        return fxRates.keySet().stream().map(code -> fxRate(code, date)).toList();
    }

    /** Every snapshot of every currency. */
    public List<FxRate> allFxRateRows() {
        return fxRates.values().stream().flatMap(List::stream).toList();
    }

    /** The region's purchasing-power factor in force on {@code date} (a pricing policy); 1 when none is. */
    public BigDecimal purchasingPowerFactor(String region, LocalDate date) {
        return findPurchasingPowerFactor(region, date).map(PurchasingPowerFactor::factor).orElse(BigDecimal.ONE);
    }

    public Optional<PurchasingPowerFactor> findPurchasingPowerFactor(String region, LocalDate date) {
        Objects.requireNonNull(date, "date");
        PurchasingPowerFactor inForce = null;
        for (PurchasingPowerFactor version : purchasingPowerFactors.getOrDefault(region, List.of())) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** Every version of one region's factor, oldest first. */
    public List<PurchasingPowerFactor> purchasingPowerFactorHistory(String region) {
        return purchasingPowerFactors.getOrDefault(region, List.of());
    }

    /** The factors in force on {@code date}, one per region that has one, ordered by region. */
    public List<PurchasingPowerFactor> purchasingPowerFactorsAt(LocalDate date) {
        return purchasingPowerFactors.keySet().stream()
                .map(region -> findPurchasingPowerFactor(region, date))
                .flatMap(Optional::stream)
                .toList();
    }

    public List<PurchasingPowerFactor> allPurchasingPowerFactorRows() {
        return purchasingPowerFactors.values().stream().flatMap(List::stream).toList();
    }

    /** The price ladders by name ({@code price_points.csv}). */
    public Map<String, List<PricePointBand>> ladders() {
        return ladders;
    }

    public PricePointRule pricePointRule(CurrencyUnit currency) {
        PricePointRule rule = rulesByCurrency.get(currency.code());
        if (rule == null || !rule.currency().equals(currency)) {
            throw new IllegalArgumentException("no price-point rule for " + currency);
        }
        return rule;
    }


    /**
     * A copy with new FX snapshots added (an admin's update). A snapshot of the same currency and {@code asOf}
     * replaces the existing one. As when loading, a rate for a currency no storefront uses is rejected, so a typo
     * cannot hide.
     */
    public ReferenceData withFxRates(Collection<FxRate> updates) {
        return withVersions(List.of(), updates, List.of());
    }

    /**
     * A copy with versions added; a version with the same key as an existing one (storefront: region and
     * effective date; FX: currency and as-of date; factor: region and effective date) replaces it. The result is
     * checked like freshly loaded data, so an inconsistent addition throws {@link ReferenceDataException} and
     * leaves this instance as it was.
     */
    public ReferenceData withVersions(Collection<Storefront> storefronts, Collection<FxRate> rates,
                                      Collection<PurchasingPowerFactor> factors) {
        Map<String, Storefront> mergedStorefronts = new LinkedHashMap<>();
        allStorefrontRows().forEach(row -> mergedStorefronts.put(row.region() + "@" + row.effectiveFrom(), row));
        storefronts.forEach(row -> mergedStorefronts.put(row.region() + "@" + row.effectiveFrom(), row));
        Map<String, FxRate> mergedRates = new LinkedHashMap<>();
        allFxRateRows().forEach(rate -> mergedRates.put(rate.currency() + "@" + rate.asOf(), rate));
        rates.forEach(rate -> mergedRates.put(rate.currency() + "@" + rate.asOf(), rate));
        Map<String, PurchasingPowerFactor> mergedFactors = new LinkedHashMap<>();
        allPurchasingPowerFactorRows().forEach(f -> mergedFactors.put(f.region() + "@" + f.effectiveFrom(), f));
        factors.forEach(f -> mergedFactors.put(f.region() + "@" + f.effectiveFrom(), f));
        return new ReferenceData(mergedStorefronts.values(), mergedRates.values(), mergedFactors.values(), ladders);
    }

    private static Map<String, List<Storefront>> indexStorefronts(Collection<Storefront> storefronts) {
        Map<String, List<Storefront>> byRegion = new TreeMap<>();
        for (Storefront row : storefronts) {
            byRegion.computeIfAbsent(row.region(), r -> new ArrayList<>()).add(row);
        }
        Map<String, List<Storefront>> result = new TreeMap<>();
        byRegion.forEach((region, rows) -> {
            rows.sort(Comparator.comparing(Storefront::effectiveFrom));
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).effectiveFrom().equals(rows.get(i - 1).effectiveFrom())) {
                    throw new ReferenceDataException(region + ": two storefront rows effective from "
                            + rows.get(i).effectiveFrom());
                }
            }
            result.put(region, List.copyOf(rows));
        });
        return Collections.unmodifiableMap(result); // keeps the TreeMap's region order for storefrontsAt
    }

    /** One currency must have the same digits and ladder on every row, whichever region uses it. */
    private static Map<String, CurrencyUnit> collectCurrencies(Collection<Storefront> storefronts) {
        Map<String, CurrencyUnit> currencies = new HashMap<>();
        for (Storefront row : storefronts) {
            CurrencyUnit known = currencies.putIfAbsent(row.currency().code(), row.currency());
            if (known != null && !known.equals(row.currency())) {
                throw new ReferenceDataException(row.region() + ": " + row.currency() + " disagrees with " + known);
            }
        }
        return Map.copyOf(currencies);
    }

    private Map<String, List<FxRate>> indexFxRates(Collection<FxRate> rates) {
        Map<String, List<FxRate>> byCurrency = new TreeMap<>();
        for (FxRate rate : rates) {
            byCurrency.computeIfAbsent(rate.currency(), code -> new ArrayList<>()).add(rate);
        }
        Map<String, List<FxRate>> result = new TreeMap<>();
        byCurrency.forEach((code, history) -> {
            history.sort(Comparator.comparing(FxRate::asOf));
            for (int i = 1; i < history.size(); i++) {
                if (history.get(i).asOf().equals(history.get(i - 1).asOf())) {
                    throw new ReferenceDataException("two FX rates for " + code + " as of " + history.get(i).asOf());
                }
            }
            result.put(code, List.copyOf(history));
        });
        List<FxRate> usd = result.get("USD");
        if (usd == null || usd.stream().anyMatch(rate -> rate.unitsPerUsd().compareTo(BigDecimal.ONE) != 0)
                || !currencies.containsKey("USD")) {
            throw new ReferenceDataException("USD (the anchor currency) needs a storefront and an FX rate of exactly 1");
        }
        for (String code : currencies.keySet()) {
            if (!result.containsKey(code)) {
                throw new ReferenceDataException("no FX rate for storefront currency " + code);
            }
        }
        for (String code : result.keySet()) {
            if (!currencies.containsKey(code)) {
                throw new ReferenceDataException("FX rate for a currency no storefront uses: " + code);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private Map<String, List<PurchasingPowerFactor>> indexPurchasingPowerFactors(Collection<PurchasingPowerFactor> factors) {
        Map<String, List<PurchasingPowerFactor>> byRegion = new TreeMap<>();
        for (PurchasingPowerFactor factor : factors) {
            if (!storefrontsByRegion.containsKey(factor.region())) {
                throw new ReferenceDataException("purchasing-power factor for unknown region " + factor.region());
            }
            byRegion.computeIfAbsent(factor.region(), region -> new ArrayList<>()).add(factor);
        }
        Map<String, List<PurchasingPowerFactor>> result = new TreeMap<>();
        byRegion.forEach((region, history) -> {
            history.sort(Comparator.comparing(PurchasingPowerFactor::effectiveFrom));
            for (int i = 1; i < history.size(); i++) {
                if (history.get(i).effectiveFrom().equals(history.get(i - 1).effectiveFrom())) {
                    throw new ReferenceDataException(region + ": two purchasing-power factors effective from "
                            + history.get(i).effectiveFrom());
                }
            }
            result.put(region, List.copyOf(history));
        });
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, List<PricePointBand>> copyLadders(Map<String, List<PricePointBand>> ladders) {
        Map<String, List<PricePointBand>> copy = new TreeMap<>();
        ladders.forEach((name, bands) -> copy.put(name, List.copyOf(bands)));
        return Collections.unmodifiableMap(copy);
    }

    private Map<String, PricePointRule> bindLadders(Collection<Storefront> storefronts) {
        Map<String, PricePointRule> rules = new HashMap<>();
        for (Storefront row : storefronts) {
            List<PricePointBand> bands = ladders.get(row.priceLadder());
            if (bands == null) {
                throw new ReferenceDataException(row.region() + ": unknown price ladder " + row.priceLadder());
            }
            PricePointRule known = rules.get(row.currency().code());
            if (known != null && !known.ladder().equals(row.priceLadder())) {
                throw new ReferenceDataException(row.region() + ": " + row.currency().code() + " uses ladder "
                        + known.ladder() + " elsewhere, not " + row.priceLadder());
            }
            PricePointRule rule;
            try {
                rule = known != null ? known : new PricePointRule(row.currency(), row.priceLadder(), bands);
            } catch (IllegalArgumentException e) {
                throw new ReferenceDataException(row.region() + ": " + e.getMessage(), e);
            }
            row.cashIncrement().ifPresent(increment -> {
                if (!rule.allPointsAreMultiplesOf(increment)) {
                    throw new ReferenceDataException(row.region() + ": ladder " + row.priceLadder()
                            + " has prices that are not multiples of the cash increment " + increment);
                }
            });
            rules.put(row.currency().code(), rule);
        }
        return Map.copyOf(rules);
    }

}
