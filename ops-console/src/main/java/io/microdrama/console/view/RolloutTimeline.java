package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A drama's rollout per region as four steps: published → localized → priced → LIVE, each done, pending or blocked,
 * read from the aggregated ops view, with when each step was reached (catalog's {@code steps}) and how long after the
 * step reached before it ("localized after 1.2 s"). Rows from before catalog timed the steps have no times: then the
 * step shows as done without them, never with a guessed time.
 */
public final class RolloutTimeline {

    public enum StepState { DONE, PENDING, BLOCKED }

    /**
     * One step; {@code at} is when it was reached (null: not reached or not known), {@code after} how long after the
     * previous timed step (null when either time is unknown).
     */
    @TemplateData
    public record Step(String name, StepState state, String note, Instant at, Duration after) {

        Step(String name, StepState state, String note) {
            this(name, state, note, null, null);
        }

        public String label() {
            return name + ": " + switch (state) {
                case DONE -> "done";
                case PENDING -> "not yet";
                case BLOCKED -> "blocked";
            } + (note.isEmpty() ? "" : " (" + note + ")");
        }

        /** "localized after 1.2 s" / "published at 2026-12-03 19:30:01 UTC"; empty when the step has no time. */
        public String timing() {
            if (at == null) {
                return "";
            }
            String when = AT.format(at);
            return after == null ? name + " at " + when : name + " after " + duration(after) + " (" + when + ")";
        }

        Step timed(Instant reached, Instant previous) {
            if (state != StepState.DONE || reached == null) {
                return this;
            }
            Duration since = previous == null ? null : Duration.between(previous, reached);
            return new Step(name, state, note, reached, since);
        }
    }

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A step's duration as a person reads it: tenths of seconds under a minute, then the two largest units. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
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
            lines.add(new RegionLine(region, state, timed(steps, rollout.path("steps"))));
        }
        return List.copyOf(lines);
    }

    /**
     * Each step with its time from catalog, measured from the latest earlier step reached before it (localization and
     * pricing answer independently, so "priced" may come before "localized": then it is measured from "published").
     */
    private static List<Step> timed(List<Step> steps, JsonNode times) {
        List<String> fields = List.of("publishedAt", "localizedAt", "pricedAt", "liveAt");
        List<Step> timed = new ArrayList<>();
        List<Instant> reachedBefore = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Instant reached = instant(times.path(fields.get(i)));
            Instant previous = reached == null ? null : reachedBefore.stream().filter(t -> !t.isAfter(reached))
                    .max(Instant::compareTo).orElse(null);
            Step step = steps.get(i).timed(reached, previous);
            if (step.at() != null) {
                reachedBefore.add(step.at());
            }
            timed.add(step);
        }
        return List.copyOf(timed);
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException notATime) {
            return null;
        }
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
