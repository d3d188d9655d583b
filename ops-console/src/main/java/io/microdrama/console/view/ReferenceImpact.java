package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * What a proposed reference-data version will do, as billing's impact preview answers it: per region the active
 * prices, how many change, and example dramas with their price now and from the day it takes effect, in the
 * region's currency. Nothing is stored until the admin saves.
 */
@TemplateData
public record ReferenceImpact(String today, String effectiveFrom, boolean takesEffectToday, boolean alreadyStored,
        int changing, List<Region> regions, List<String> regionsWithoutActivePrices) {

    /** {@code unshown}: changing prices beyond the examples billing sends. */
    @TemplateData
    public record Region(String region, String currency, int activePrices, int changing, int unshown,
            List<RepricingPreview.Change> examples) {
    }

    public static ReferenceImpact of(JsonNode answer) {
        List<Region> regions = new ArrayList<>();
        int changing = 0;
        for (JsonNode region : answer.path("regions")) {
            List<RepricingPreview.Change> examples = new ArrayList<>();
            for (JsonNode example : region.path("examples")) {
                examples.add(RepricingPreview.Change.of(example));
            }
            int regionChanging = region.path("changing").asInt();
            changing += regionChanging;
            regions.add(new Region(region.path("region").asText(), region.path("currency").asText(""),
                    region.path("activePrices").asInt(), regionChanging, Math.max(0, regionChanging - examples.size()),
                    List.copyOf(examples)));
        }
        List<String> withoutPrices = new ArrayList<>();
        answer.path("regionsWithoutActivePrices").forEach(region -> withoutPrices.add(region.asText()));
        String today = answer.path("today").asText();
        String effectiveFrom = answer.path("effectiveFrom").asText();
        return new ReferenceImpact(today, effectiveFrom, today.equals(effectiveFrom), answer.path("alreadyStored").asBoolean(),
                changing, List.copyOf(regions), List.copyOf(withoutPrices));
    }

    /** One sentence a person reads first. */
    public String summary() {
        if (alreadyStored) {
            return "This exact version is already stored: saving it changes nothing.";
        }
        String when = takesEffectToday ? "today (re-pricing applies it right after saving)" : "on " + effectiveFrom;
        if (changing == 0) {
            return "No active price changes " + when + (regionsWithoutActivePrices.isEmpty() ? "."
                    : "; it reaches " + regionsWithoutActivePrices.size() + " region(s) without active prices.");
        }
        return changing + " active price(s) in " + regions.stream().filter(region -> region.changing() > 0).count()
                + " region(s) change " + when + ".";
    }
}
