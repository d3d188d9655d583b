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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The market facts pricing works from, immutable and checked for consistency when built: effective-dated
 * storefronts, currencies (digits from our data, not the JDK), the FX snapshot, purchasing-power factors,
 * price ladders and region groups.
 *
 * <p>Updates (an admin posting new FX rates) produce a new instance, so a pricing run never sees half an update.
 */
public final class ReferenceData {

    /** Region code of the default storefront for EU member states that have no storefront of their own. */
    public static final String EU_DEFAULT_REGION = "EU";

    private final Map<String, List<Storefront>> storefrontsByRegion;
    private final Map<String, CurrencyUnit> currencies;
    private final Map<String, FxRate> fxRates;
    private final Map<String, BigDecimal> purchasingPowerFactors;
    private final Map<String, List<PricePointBand>> ladders;
    private final Map<String, PricePointRule> rulesByCurrency;

    public ReferenceData(Collection<Storefront> storefronts,
                         Collection<FxRate> fxRates,
                         Map<String, BigDecimal> purchasingPowerFactors,
                         Map<String, List<PricePointBand>> ladders) {
        this.storefrontsByRegion = indexStorefronts(storefronts);
        this.currencies = collectCurrencies(storefronts);
        this.fxRates = indexFxRates(fxRates);
        this.purchasingPowerFactors = Map.copyOf(purchasingPowerFactors);
        this.ladders = copyLadders(ladders);
        this.rulesByCurrency = bindLadders(storefronts);
        checkPurchasingPowerFactors();
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

    public FxRate fxRate(String currencyCode) {
        FxRate rate = fxRates.get(currencyCode);
        if (rate == null) {
            throw new IllegalArgumentException("no FX rate for " + currencyCode);
        }
        return rate;
    }

    public Collection<FxRate> fxRates() {
        return fxRates.values();
    }

    /** The region's purchasing-power factor (a pricing policy, see ppp_factors.csv); 1 when none is set. */
    public BigDecimal purchasingPowerFactor(String region) {
        return purchasingPowerFactors.getOrDefault(region, BigDecimal.ONE);
    }

    public PricePointRule pricePointRule(CurrencyUnit currency) {
        PricePointRule rule = rulesByCurrency.get(currency.code());
        if (rule == null || !rule.currency().equals(currency)) {
            throw new IllegalArgumentException("no price-point rule for " + currency);
        }
        return rule;
    }


    /**
     * A copy with some FX rates replaced (an admin's update of the static snapshot). As when loading, a rate for
     * a currency no storefront uses is rejected, so a typo cannot hide.
     */
    public ReferenceData withFxRates(Collection<FxRate> updates) {
        Map<String, FxRate> merged = new TreeMap<>(fxRates);
        for (FxRate update : updates) {
            merged.put(update.currency(), update);
        }
        return new ReferenceData(allStorefrontRows(), merged.values(), purchasingPowerFactors, ladders);
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

    private Map<String, FxRate> indexFxRates(Collection<FxRate> rates) {
        Map<String, FxRate> byCurrency = new HashMap<>();
        for (FxRate rate : rates) {
            if (byCurrency.put(rate.currency(), rate) != null) {
                throw new ReferenceDataException("two FX rates for " + rate.currency());
            }
        }
        FxRate usd = byCurrency.get("USD");
        if (usd == null || usd.unitsPerUsd().compareTo(BigDecimal.ONE) != 0 || !currencies.containsKey("USD")) {
            throw new ReferenceDataException("USD (the anchor currency) needs a storefront and an FX rate of exactly 1");
        }
        for (String code : currencies.keySet()) {
            if (!byCurrency.containsKey(code)) {
                throw new ReferenceDataException("no FX rate for storefront currency " + code);
            }
        }
        for (String code : byCurrency.keySet()) {
            if (!currencies.containsKey(code)) {
                throw new ReferenceDataException("FX rate for a currency no storefront uses: " + code);
            }
        }
        return Map.copyOf(byCurrency);
    }

    private static Map<String, List<PricePointBand>> copyLadders(Map<String, List<PricePointBand>> ladders) {
        Map<String, List<PricePointBand>> copy = new HashMap<>();
        ladders.forEach((name, bands) -> copy.put(name, List.copyOf(bands)));
        return Map.copyOf(copy);
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

    private void checkPurchasingPowerFactors() {
        for (Map.Entry<String, BigDecimal> factor : purchasingPowerFactors.entrySet()) {
            if (!storefrontsByRegion.containsKey(factor.getKey())) {
                throw new ReferenceDataException("purchasing-power factor for unknown region " + factor.getKey());
            }
            if (factor.getValue().signum() <= 0) {
                throw new ReferenceDataException("purchasing-power factor must be positive: " + factor);
            }
        }
    }
}
