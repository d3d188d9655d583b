package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A drama's rollout per region as four steps: published → localized → priced → LIVE, each done, pending or blocked,
 * read from the aggregated ops view. The API gives no time per step (only the hold's time), so the timeline shows
 * where each region stands, not how long each step took.
 */
public final class RolloutTimeline {

    public enum StepState { DONE, PENDING, BLOCKED }

    @TemplateData
    public record Step(String name, StepState state, String note) {
        public String label() {
            return name + ": " + switch (state) {
                case DONE -> "done";
                case PENDING -> "not yet";
                case BLOCKED -> "blocked";
            } + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    @TemplateData
    public record RegionLine(String region, String state, List<Step> steps) {
    }

    private RolloutTimeline() {
    }

    public static List<RegionLine> of(JsonNode overview) {
        JsonNode drama = overview.path("drama");
        boolean published = "PUBLISHED".equals(drama.path("status").asText());
        Map<String, JsonNode> plans = byRegion(overview.path("localization").path("regions"));
        Map<String, JsonNode> prices = byRegion(overview.path("pricing").path("regions"));
        boolean plansKnown = "AVAILABLE".equals(overview.path("localization").path("status").asText());
        boolean pricesKnown = "AVAILABLE".equals(overview.path("pricing").path("status").asText());
        List<RegionLine> lines = new ArrayList<>();
        for (JsonNode rollout : drama.path("rollout")) {
            String region = rollout.path("region").asText();
            String state = rollout.path("state").asText();
            List<String> blockers = new ArrayList<>();
            rollout.path("blockers").forEach(b -> blockers.add(b.asText()));
            List<Step> steps = new ArrayList<>();
            steps.add(new Step("published", published ? StepState.DONE : StepState.PENDING,
                    published ? "" : drama.path("status").asText("").toLowerCase(java.util.Locale.ROOT)));
            steps.add(localized(plans.get(region), plansKnown, blockers));
            steps.add(priced(prices.get(region), pricesKnown, blockers));
            steps.add(live(state, blockers));
            lines.add(new RegionLine(region, state, List.copyOf(steps)));
        }
        return List.copyOf(lines);
    }

    private static Step localized(JsonNode plan, boolean known, List<String> blockers) {
        if (plan == null) {
            return new Step("localized", StepState.PENDING, known ? "no plan yet" : "localization unavailable");
        }
        List<String> missing = new ArrayList<>();
        plan.path("missingLanguages").forEach(l -> missing.add(l.asText()));
        if (missing.isEmpty()) {
            return new Step("localized", StepState.DONE, "");
        }
        boolean blocking = blockers.stream().anyMatch(b -> b.startsWith("MISSING_LANGUAGE"));
        return new Step("localized", blocking ? StepState.BLOCKED : StepState.PENDING, "missing " + String.join(", ", missing));
    }

    private static Step priced(JsonNode price, boolean known, List<String> blockers) {
        if (price != null && price.path("amountMinor").isNumber()) {
            return new Step("priced", StepState.DONE, "");
        }
        boolean blocking = blockers.stream().anyMatch(b -> b.contains("PRICE"));
        return new Step("priced", blocking ? StepState.BLOCKED : StepState.PENDING,
                known ? "no price yet" : "pricing unavailable");
    }

    private static Step live(String state, List<String> blockers) {
        return switch (state) {
            case "LIVE" -> new Step("LIVE", StepState.DONE, "");
            case "WAITING" -> new Step("LIVE", StepState.BLOCKED, String.join(", ", blockers));
            case "ON_HOLD" -> new Step("LIVE", StepState.BLOCKED, "on hold");
            default -> new Step("LIVE", StepState.PENDING, state.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        };
    }

    private static Map<String, JsonNode> byRegion(JsonNode regions) {
        Map<String, JsonNode> byRegion = new HashMap<>();
        regions.forEach(region -> byRegion.put(region.path("region").asText(), region));
        return byRegion;
    }
}
