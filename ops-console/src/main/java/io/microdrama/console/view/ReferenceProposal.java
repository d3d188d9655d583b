package io.microdrama.console.view;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A proposed dated version of billing reference data, as an admin fills it in: the form of each kind (its fields,
 * labels and hints, refilled with what was entered) and the request it becomes (path values checked here, before
 * they go into a gateway URL; everything else is billing's to judge, and its problems are shown in words).
 */
public final class ReferenceProposal {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern TIER = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public enum Type { TEXT, DECIMAL, WHOLE, YES_NO }

    /** One control of the form; {@code value} is what was entered (empty on a fresh form). */
    @TemplateData
    public record Field(String name, String label, Type type, boolean required, String hint, String value) {
        public boolean yesNo() {
            return type == Type.YES_NO;
        }

        public String inputMode() {
            return switch (type) {
                case DECIMAL -> "decimal";
                case WHOLE -> "numeric";
                default -> "text";
            };
        }
    }

    @TemplateData
    public record Form(String kind, String kindTitle, List<Field> fields) {
    }

    /**
     * A request for the gateway: {@code key} is the region or tier ({@code null} for FX rates, whose path is the
     * date alone), {@code body} the JSON fields of the PUT and of its impact twin.
     */
    public record Request(ReferenceTable.Kind kind, String key, String date, Map<String, Object> body) {
    }

    /** Either a request, or the fields to correct (in the form's order). */
    public record Parsed(Request request, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private record Spec(String name, String label, Type type, boolean required, String hint) {
    }

    private ReferenceProposal() {
    }

    private static List<Spec> specs(ReferenceTable.Kind kind) {
        Spec date = new Spec("date", "In force from (yyyy-mm-dd, UTC)", Type.TEXT, true, "today or later");
        return switch (kind) {
            case STOREFRONTS -> List.of(new Spec("key", "Country code (or EU for the EU default)", Type.TEXT, true, "e.g. DE"),
                    date,
                    new Spec("name", "Storefront name", Type.TEXT, true, null),
                    new Spec("currency", "Currency (ISO 4217)", Type.TEXT, true, "e.g. EUR"),
                    new Spec("minorUnits", "Minor-unit digits of the currency", Type.WHOLE, true, "0, 2 or 3"),
                    new Spec("cashIncrement", "Cash increment", Type.DECIMAL, false, "smallest cash step, e.g. 0.05"),
                    new Spec("priceLadder", "Price ladder", Type.TEXT, true, "the currency's ladder, e.g. ENDING_99"),
                    new Spec("taxInclusiveDisplay", "Prices shown with tax", Type.YES_NO, true, null),
                    new Spec("taxRate", "Tax rate", Type.DECIMAL, true, "a fraction: 0.19 for 19 %"),
                    new Spec("taxRateChecked", "Tax rate checked against the law", Type.YES_NO, false, null),
                    new Spec("notes", "Notes", Type.TEXT, false, null),
                    new Spec("source", "Source of the figures", Type.TEXT, true, null),
                    new Spec("usdRate", "Units per USD", Type.DECIMAL, false, "only for a currency no storefront uses yet"));
            case FX_RATES -> List.of(date,
                    new Spec("currency", "Currency (ISO 4217)", Type.TEXT, true, "e.g. EUR"),
                    new Spec("unitsPerUsd", "Units of the currency per 1 USD", Type.DECIMAL, true, "e.g. 0.92"),
                    new Spec("source", "Source of the rate", Type.TEXT, true, null));
            case PPP_FACTORS -> List.of(new Spec("key", "Country code", Type.TEXT, true, "e.g. TH"), date,
                    new Spec("factor", "Purchasing-power factor", Type.DECIMAL, true, "1 = the USD anchor as is; 0.5 = half"),
                    new Spec("note", "Note", Type.TEXT, false, null));
            case TIERS -> List.of(new Spec("key", "Tier name", Type.TEXT, true, "e.g. standard"), date,
                    new Spec("freeEpisodes", "Free episodes", Type.WHOLE, true, null),
                    new Spec("coinsPerEpisode", "Coins per episode", Type.WHOLE, true, null),
                    new Spec("seriesDiscountPercent", "Whole-series discount (%)", Type.DECIMAL, false, "e.g. 20"),
                    new Spec("notes", "Notes", Type.TEXT, false, null));
        };
    }

    /** The form of {@code kind}, refilled with {@code values} (field name → what was entered). */
    public static Form form(ReferenceTable.Kind kind, Map<String, String> values) {
        List<Field> fields = specs(kind).stream().map(spec -> new Field(spec.name(), spec.label(), spec.type(),
                spec.required(), spec.hint(), trimmed(values.get(spec.name())))).toList();
        return new Form(kind.path, kind.title, fields);
    }

    /** The request the entered values make, or what to correct before anything is sent. */
    public static Parsed parse(ReferenceTable.Kind kind, Map<String, String> values) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        String key = null;
        String date = null;
        BigDecimal fxUnits = null;
        String fxCurrency = null;
        for (Spec spec : specs(kind)) {
            String value = trimmed(values.get(spec.name()));
            if (value.isEmpty()) {
                if (spec.required()) {
                    errors.add(spec.label() + ": is required");
                }
                continue;
            }
            switch (spec.name()) {
                case "key" -> {
                    Pattern shape = kind == ReferenceTable.Kind.TIERS ? TIER : REGION;
                    if (kind == ReferenceTable.Kind.STOREFRONTS && value.equals("EU") || shape.matcher(value).matches()) {
                        key = value;
                    } else {
                        errors.add(spec.label() + ": " + (kind == ReferenceTable.Kind.TIERS
                                ? "2-32 characters: a-z first, then a-z 0-9 -" : "two capital letters, e.g. DE"));
                    }
                }
                case "date" -> {
                    if (DATE.matcher(value).matches()) {
                        date = value;
                    } else {
                        errors.add(spec.label() + ": write the date as yyyy-mm-dd, e.g. 2027-01-01");
                    }
                }
                default -> {
                    Object parsed = parseValue(spec, value, errors);
                    if (parsed == null) {
                        continue;
                    }
                    if (kind == ReferenceTable.Kind.FX_RATES && spec.name().equals("currency")) {
                        if (CURRENCY.matcher(value).matches()) {
                            fxCurrency = value;
                        } else {
                            errors.add(spec.label() + ": three capital letters, e.g. EUR");
                        }
                    } else if (kind == ReferenceTable.Kind.FX_RATES && spec.name().equals("unitsPerUsd")) {
                        fxUnits = (BigDecimal) parsed;
                    } else {
                        body.put(spec.name(), parsed);
                    }
                }
            }
        }
        if (fxCurrency != null && fxUnits != null) {
            body.put("rates", Map.of(fxCurrency, fxUnits));
        }
        return new Parsed(errors.isEmpty() ? new Request(kind, key, date, body) : null, List.copyOf(errors));
    }

    private static Object parseValue(Spec spec, String value, List<String> errors) {
        switch (spec.type()) {
            case DECIMAL, WHOLE -> {
                try {
                    BigDecimal number = new BigDecimal(value.replace(',', '.'));
                    if (spec.type() == Type.WHOLE && number.stripTrailingZeros().scale() > 0) {
                        errors.add(spec.label() + ": a whole number");
                        return null;
                    }
                    return number;
                } catch (NumberFormatException e) {
                    errors.add(spec.label() + ": a number, e.g. " + (spec.type() == Type.WHOLE ? "12" : "0.92"));
                    return null;
                }
            }
            case YES_NO -> {
                return Boolean.valueOf(value.equals("true"));
            }
            default -> {
                return value;
            }
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
