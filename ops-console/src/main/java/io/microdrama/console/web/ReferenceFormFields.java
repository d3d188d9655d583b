package io.microdrama.console.web;

import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The fields of every reference-data proposal form (each kind uses some of them), as posted. */
public class ReferenceFormFields {

    @RestForm public String kind;
    @RestForm public String key;
    @RestForm public String date;
    @RestForm public String name;
    @RestForm public String currency;
    @RestForm public String minorUnits;
    @RestForm public String cashIncrement;
    @RestForm public String priceLadder;
    @RestForm public String taxInclusiveDisplay;
    @RestForm public String taxRate;
    @RestForm public String taxRateChecked;
    @RestForm public String notes;
    @RestForm public String source;
    @RestForm public String usdRate;
    @RestForm public String unitsPerUsd;
    @RestForm public String factor;
    @RestForm public String note;
    @RestForm public String freeEpisodes;
    @RestForm public String coinsPerEpisode;
    @RestForm public String seriesDiscountPercent;

    /** Field name → entered value, for the view model (blank and missing fields are left out). */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        put(values, "key", key);
        put(values, "date", date);
        put(values, "name", name);
        put(values, "currency", currency);
        put(values, "minorUnits", minorUnits);
        put(values, "cashIncrement", cashIncrement);
        put(values, "priceLadder", priceLadder);
        put(values, "taxInclusiveDisplay", taxInclusiveDisplay);
        put(values, "taxRate", taxRate);
        put(values, "taxRateChecked", taxRateChecked);
        put(values, "notes", notes);
        put(values, "source", source);
        put(values, "usdRate", usdRate);
        put(values, "unitsPerUsd", unitsPerUsd);
        put(values, "factor", factor);
        put(values, "note", note);
        put(values, "freeEpisodes", freeEpisodes);
        put(values, "coinsPerEpisode", coinsPerEpisode);
        put(values, "seriesDiscountPercent", seriesDiscountPercent);
        return values;
    }

    private static void put(Map<String, String> values, String field, String value) {
        if (value != null && !value.isBlank()) {
            values.put(field, value);
        }
    }
}
