package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's coin packs and VIP passes as ops read them: what a customer pays, and how each price was computed
 * (US-dollar anchor → target in the local currency after exchange rate and purchasing-power factor → the price
 * point of the storefront's ladder, tax included where the storefront shows it).
 */
public final class RegionOffers {

    private RegionOffers() {
    }

    @TemplateData
    public record Offer(String id, String what, String price, String net, String computed) {
    }

    @TemplateData
    public record Page(String region, String storefront, String currency, String pricedOn, String tax, List<String> basis,
            List<Offer> coinPacks, List<Offer> vipPasses) {
    }

    public static Page of(JsonNode answer) {
        String currency = answer.path("currency").asText();
        List<Offer> packs = new ArrayList<>();
        for (JsonNode pack : answer.path("coinPacks")) {
            long bonus = pack.path("bonusCoins").asLong();
            packs.add(offer(pack, pack.path("coins").asLong() + " coins" + (bonus > 0 ? " + " + bonus + " bonus" : ""),
                    currency));
        }
        List<Offer> passes = new ArrayList<>();
        for (JsonNode pass : answer.path("vipPasses")) {
            passes.add(offer(pass, "VIP for " + pass.path("durationDays").asInt() + " days", currency));
        }
        boolean inclusive = answer.path("taxInclusive").asBoolean();
        String rate = answer.path("taxRate").isNumber() ? percent(answer.path("taxRate").decimalValue()) : "?";
        String tax = inclusive ? "prices include " + rate + " tax" : "tax (" + rate + ") is added at checkout";
        String storefront = answer.path("storefront").asText();
        String name = answer.path("storefrontName").asText("");
        return new Page(answer.path("region").asText(), name.isEmpty() ? storefront : storefront + " (" + name + ")",
                currency, answer.path("pricedOn").asText(), tax, basis(answer.path("basis"), currency), List.copyOf(packs),
                List.copyOf(passes));
    }

    private static Offer offer(JsonNode offer, String what, String currency) {
        JsonNode price = offer.path("price");
        String display = formatted(price.path("display"));
        String net = price.path("net").isObject() ? formatted(price.path("net")) : "";
        String computed = offer.path("usdAnchor").isObject() && offer.path("target").isNumber()
                ? "anchor " + formatted(offer.path("usdAnchor")) + " → target "
                        + offer.path("target").decimalValue().stripTrailingZeros().toPlainString() + " " + currency
                        + " → price point " + display
                : "";
        return new Offer(offer.path("id").asText(), what, display, net, computed);
    }

    /** What every price of the region was computed from, one line each. */
    static List<String> basis(JsonNode basis, String currency) {
        if (!basis.isObject()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Storefront in force since " + basis.path("storefrontEffectiveFrom").asText() + ", price ladder "
                + basis.path("priceLadder").asText());
        if (basis.path("fxUnitsPerUsd").isNumber()) {
            lines.add("Exchange rate: 1 USD = " + basis.path("fxUnitsPerUsd").decimalValue().stripTrailingZeros().toPlainString()
                    + " " + currency + " (as of " + basis.path("fxAsOf").asText() + ", " + basis.path("fxSource").asText()
                    + ")");
        }
        if (basis.path("purchasingPowerFactor").isNumber()) {
            lines.add("Purchasing-power factor: "
                    + basis.path("purchasingPowerFactor").decimalValue().stripTrailingZeros().toPlainString());
        }
        return List.copyOf(lines);
    }

    private static String formatted(JsonNode money) {
        String formatted = money.path("formatted").asText("");
        return formatted.isEmpty() ? Views.money(money.path("amountMinor"), money.path("minorUnits").asInt(),
                money.path("currency").asText()) : formatted;
    }

    private static String percent(java.math.BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
