package io.microdrama.billing.domain.reference;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.pricepoint.PricePointBand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the reference CSV files into a {@link ReferenceData}; one method per file. */
final class ReferenceDataLoader {

    static final String STOREFRONTS = "storefronts.csv";
    static final String FX_RATES = "fx_rates.csv";
    static final String PPP_FACTORS = "ppp_factors.csv";
    static final String PRICE_POINTS = "price_points.csv";

    private ReferenceDataLoader() {
    }

    static ReferenceData load(ReferenceSource source) {
        return new ReferenceData(
                storefronts(source.table(STOREFRONTS, "region", "name", "effective_from", "currency", "minor_units",
                        "cash_increment", "price_ladder", "tax_inclusive_display", "tax_rate", "tax_rate_checked",
                        "notes", "source")),
                fxRates(source.table(FX_RATES, "currency", "usd_rate", "as_of", "source")),
                purchasingPowerFactors(source.table(PPP_FACTORS, "region", "effective_from", "factor")),
                ladders(source.table(PRICE_POINTS, "ladder", "from", "step", "ending")));
    }

    static List<Storefront> storefronts(CsvTable table) {
        List<Storefront> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            try {
                rows.add(new Storefront(
                        row.text("region"),
                        row.text("name"),
                        row.date("effective_from"),
                        new CurrencyUnit(row.text("currency"), row.integer("minor_units")),
                        row.optionalDecimal("cash_increment"),
                        row.text("price_ladder"),
                        row.bool("tax_inclusive_display"),
                        row.decimal("tax_rate"),
                        row.bool("tax_rate_checked"),
                        row.optionalText("notes").orElse(""),
                        row.optionalText("source").orElse("")));
            } catch (IllegalArgumentException e) {
                throw row.error("*", e.getMessage());
            }
        }
        return rows;
    }

    static List<FxRate> fxRates(CsvTable table) {
        List<FxRate> rates = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            try {
                rates.add(new FxRate(row.text("currency"), row.decimal("usd_rate"), row.date("as_of"),
                        row.optionalText("source").orElse("")));
            } catch (IllegalArgumentException e) {
                throw row.error("usd_rate", e.getMessage());
            }
        }
        return rates;
    }

    static List<PurchasingPowerFactor> purchasingPowerFactors(CsvTable table) {
        List<PurchasingPowerFactor> factors = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            try {
                factors.add(new PurchasingPowerFactor(row.text("region"), row.date("effective_from"),
                        row.decimal("factor"), row.optionalText("note").orElse("")));
            } catch (IllegalArgumentException e) {
                throw row.error("factor", e.getMessage());
            }
        }
        return factors;
    }

    static Map<String, List<PricePointBand>> ladders(CsvTable table) {
        Map<String, List<PricePointBand>> ladders = new LinkedHashMap<>();
        for (CsvRow row : table.rows()) {
            try {
                ladders.computeIfAbsent(row.text("ladder"), name -> new ArrayList<>())
                        .add(new PricePointBand(row.decimal("from"), row.decimal("step"), row.decimal("ending")));
            } catch (IllegalArgumentException e) {
                throw row.error("step", e.getMessage());
            }
        }
        return ladders;
    }

}
