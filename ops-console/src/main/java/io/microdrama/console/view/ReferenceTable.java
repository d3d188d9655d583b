package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing reference data (storefronts, FX rates, purchasing-power factors, tiers) as a table: the answer's rows
 * ({@code items} in force today, or {@code versions} of one key) with one column per field, in the order the
 * platform sends them. The console does not interpret the values: it shows what billing answered.
 */
public final class ReferenceTable {

    /** The kinds the API has, with their path segment and a person's word for them. */
    @TemplateData
    public enum Kind {
        STOREFRONTS("storefronts", "Storefronts (currency, tax)", "region"),
        FX_RATES("fx-rates", "FX rates (units per USD)", "currency"),
        PPP_FACTORS("ppp-factors", "Purchasing-power factors", "region"),
        TIERS("tiers", "Pricing tiers", "tier");

        public final String path;
        public final String title;
        public final String keyField;

        Kind(String path, String title, String keyField) {
            this.path = path;
            this.title = title;
            this.keyField = keyField;
        }

        public static Kind fromPath(String path) {
            for (Kind kind : values()) {
                if (kind.path.equals(path)) {
                    return kind;
                }
            }
            return STOREFRONTS;
        }
    }

    /** {@code keyColumn}: index of the column that names a row's history (-1 if the answer has none). */
    @TemplateData
    public record Table(String kind, String title, String asOf, String key, List<String> columns, int keyColumn,
            List<List<String>> rows) {
    }

    private ReferenceTable() {
    }

    public static Table of(Kind kind, JsonNode answer, String key) {
        JsonNode rows = answer.has("versions") ? answer.path("versions") : answer.path("items");
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.properties().forEach(field -> columns.add(field.getKey())));
        List<String> header = List.copyOf(columns);
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : header) {
                line.add(text(row.get(column)));
            }
            cells.add(List.copyOf(line));
        }
        String asOf = answer.has("date") ? answer.path("date").asText()
                : answer.path("inForceToday").asText("");
        return new Table(kind.path, kind.title, asOf, key, header, header.indexOf(kind.keyField), List.copyOf(cells));
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> parts.add(text(item)));
        } else {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                parts.add(field.getKey() + " " + text(field.getValue()));
            }
        }
        return String.join(", ", parts);
    }
}
