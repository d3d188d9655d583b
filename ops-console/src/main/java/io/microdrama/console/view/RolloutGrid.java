package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tile of the rollout grid: a region's dramas counted per rollout state, drawn as a bar of coloured segments
 * (widths out of {@link #BAR_WIDTH}, SVG attributes rather than inline styles, which the CSP forbids). The tile takes
 * the colour of the state most of its dramas are in.
 */
public final class RolloutGrid {

    public static final int BAR_WIDTH = 100;

    private RolloutGrid() {
    }

    @TemplateData
    public record Segment(String state, int count, int x, int width) {
    }

    @TemplateData
    public record StateTotal(String state, int count) {
    }

    /** {@code complete} false when counting stopped at the page limit: the counts are then "at least". */
    @TemplateData
    public record RegionTile(String region, int total, boolean complete, String dominantState, List<StateTotal> counts,
            List<Segment> segments) {

        public String totalText() {
            return complete ? Integer.toString(total) : total + "+";
        }

        /** What a screen reader says for the bar. */
        public String summary() {
            StringBuilder text = new StringBuilder(region).append(": ").append(totalText()).append(" dramas");
            for (StateTotal count : counts) {
                if (count.count() > 0) {
                    text.append(", ").append(count.count()).append(' ').append(count.state());
                }
            }
            return text.toString();
        }
    }

    /** States of the dramas of one region, read from pages of the region's rollout board. */
    public static List<String> states(JsonNode boardPage) {
        List<String> states = new ArrayList<>();
        boardPage.path("items").forEach(item -> states.add(item.path("rollout").path("state").asText("")));
        return states;
    }

    public static RegionTile tile(String region, List<String> dramaStates, boolean complete) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Views.STATES.forEach(state -> counts.put(state, 0));
        for (String state : dramaStates) {
            counts.computeIfPresent(state, (ignored, count) -> count + 1);
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<StateTotal> totals = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        String dominant = "NONE";
        int dominantCount = 0;
        int x = 0;
        int counted = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int count = entry.getValue();
            totals.add(new StateTotal(entry.getKey(), count));
            if (count == 0) {
                continue;
            }
            counted += count;
            // Cumulative rounding: the segments always add up to the full bar.
            int end = Math.round((float) counted * BAR_WIDTH / total);
            segments.add(new Segment(entry.getKey(), count, x, end - x));
            x = end;
            if (count > dominantCount) {
                dominant = entry.getKey();
                dominantCount = count;
            }
        }
        return new RegionTile(region, total, complete, dominant, List.copyOf(totals), List.copyOf(segments));
    }
}
